import { afterEach, describe, expect, it } from 'vitest';
import { TechniquesByTactic } from '../../../components/techniques-by-tactic';
import { axiomCard } from './fixtures';
import { renderInto, textOf } from './render';

afterEach(() => {
  document.body.replaceChildren();
});

describe('TechniquesByTactic', () => {
  it('indents sub-techniques under their listed parent in the full variant', () => {
    const el = renderInto(<TechniquesByTactic groups={axiomCard().techniquesByTactic} variant="full" nav={{}} />);
    expect([...el.querySelectorAll('h4')].map(textOf)).toEqual(['Execution (3)', 'Command and Control (1)']);
    const sub = el.querySelector('.til-tech-subs > li');
    expect(textOf(sub!)).toBe('T1059.001 PowerShell');
    expect(textOf(sub!.closest('.til-tech-tree > li')!)).toContain('T1059 Command and Scripting Interpreter');
    // A sub-technique whose parent is not listed stands at the top level, named with its parent.
    expect(textOf(el.querySelectorAll('.til-tech-tree')[1]!.querySelector(':scope > li')!)).toBe('T1001.002 Data Obfuscation: Steganography');
  });

  it('shows technique names on hover of the compact IDs', () => {
    const el = renderInto(<TechniquesByTactic groups={axiomCard().techniquesByTactic} variant="compact" nav={{}} />);
    expect(el.querySelector('[title="PowerShell"]')?.textContent).toBe('T1059.001');
  });
});
