import { describe, expect, it } from 'vitest';
import type { TechniqueGroup } from '../../../utils/cards/card-data';
import { escapeMarkdown, techniquesAsMarkdown, techniquesAsText, techniqueUrl } from '../../../utils/export/technique-list';

const groups: TechniqueGroup[] = [
  {
    tactic: { id: 'TA0001', name: 'Initial Access' },
    techniques: [
      { id: 'T1566', name: 'Phishing' },
      { id: 'T1566.001', name: 'Spearphishing Attachment', parent: 'T1566' },
      { id: 'T1078.004', name: 'Cloud Accounts', parent: 'T1078' },
    ],
  },
  { tactic: { id: 'TA0002', name: 'Execution' }, techniques: [{ id: 'T1059.001', name: 'PowerShell', parent: 'T1059' }] },
];

describe('technique lists to copy', () => {
  it('writes plain text grouped by tactic, sub-techniques under listed parents', () => {
    expect(techniquesAsText('Axiom (G0001)', groups)).toBe(
      [
        'Axiom (G0001): ATT&CK techniques',
        '',
        'Initial Access (TA0001)',
        '  T1566 Phishing',
        '    T1566.001 Spearphishing Attachment',
        '  T1078.004 Cloud Accounts',
        '',
        'Execution (TA0002)',
        '  T1059.001 PowerShell',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown with ATT&CK links and nested sub-techniques', () => {
    const md = techniquesAsMarkdown('Axiom (G0001)', groups);
    expect(md).toContain('### Initial Access (TA0001)');
    expect(md).toContain('- [T1566](https://attack.mitre.org/techniques/T1566/) Phishing');
    expect(md).toContain('  - [T1566.001](https://attack.mitre.org/techniques/T1566/001/) Spearphishing Attachment');
  });

  it('escapes Markdown formatting in names', () => {
    expect(escapeMarkdown('a*b_[c]<d>')).toBe('a\\*b\\_\\[c\\]\\<d\\>');
    expect(techniquesAsMarkdown('x_y', [])).toBe('## x\\_y: ATT&CK techniques\n');
  });

  it('links sub-techniques the way attack.mitre.org does', () => {
    expect(techniqueUrl('T1566.001')).toBe('https://attack.mitre.org/techniques/T1566/001/');
  });
});
