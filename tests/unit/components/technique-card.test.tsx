import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../../components/entity-card';
import { TechniqueCard } from '../../../components/technique-card';
import { plugxCard, powershellCard } from './fixtures';
import { renderInto, textOf } from './render';

afterEach(() => {
  document.body.replaceChildren();
});

describe('TechniqueCard', () => {
  it('says a revoked ID was replaced, and by what', () => {
    const el = renderInto(<TechniqueCard data={powershellCard()} variant="compact" />);
    expect(textOf(el.querySelector('.til-redirect')!)).toBe('T1086 (PowerShell) was revoked; replaced by T1059.001 PowerShell');
  });

  it('shows tactics, platforms, parent and who uses it', () => {
    const text = textOf(renderInto(<TechniqueCard data={powershellCard({ redirect: undefined })} variant="compact" />));
    expect(text).toContain('Sub-technique');
    expect(text).toContain('TacticsExecution TA0002');
    expect(text).toContain('PlatformsWindows');
    expect(text).toContain('ParentCommand and Scripting Interpreter T1059');
    expect(text).toContain('Used by 3 groups');
    expect(text).toContain('Axiom G0001, APT28 G0007 and 1 more');
    expect(text).not.toContain('was revoked');
  });
});

describe('SoftwareCard', () => {
  it('shows type, aliases, platforms, users and the deprecated badge', () => {
    const text = textOf(renderInto(<EntityCard data={plugxCard()} variant="compact" />));
    expect(text).toContain('deprecated in ATT&CK');
    expect(text).toContain('TypeMalware');
    expect(text).toContain('AliasesKorplug, Sogu');
    expect(text).toContain('Used by (1)Axiom G0001');
  });
});
