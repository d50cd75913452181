import type { SourceInfo } from '../../../data/schema';
import type { ActorCardData, SoftwareCardData, TechniqueCardData } from '../../../utils/cards/card-data';

export const attackSource: SourceInfo = {
  id: 'attack',
  name: 'MITRE ATT&CK',
  publisher: 'The MITRE Corporation',
  version: '18.1',
  license: 'ATT&CK Terms of Use',
  attribution: '© 2025 The MITRE Corporation. Reproduced with permission.',
  url: 'https://attack.mitre.org/',
};

export const etdaSource: SourceInfo = {
  id: 'etda',
  name: 'Threat Group Cards: A Threat Actor Encyclopedia',
  publisher: 'ETDA / ThaiCERT',
  version: '2025-08-16',
  license: 'CC BY-NC-SA 4.0',
  attribution: 'Threat Group Cards, by ETDA / ThaiCERT, licensed under CC BY-NC-SA 4.0.',
  url: 'https://apt.etda.or.th/cgi-bin/aptgroups.cgi',
};

export function axiomCard(overrides: Partial<ActorCardData> = {}): ActorCardData {
  return {
    kind: 'actor',
    sources: [attackSource, etdaSource],
    matchedAlias: { name: 'Group 72', givers: ['Talos'], sources: ['attack', 'etda'] },
    entity: {
      id: 'G0001',
      kind: 'actor',
      attackId: 'G0001',
      name: 'Axiom',
      aliases: ['Group 72', 'Ragebeast'],
      aliasInfo: [
        { name: 'Axiom', givers: ['Novetta'], sources: ['attack', 'etda'] },
        { name: 'Group 72', givers: ['Talos'], sources: ['attack', 'etda'] },
        { name: 'Ragebeast', givers: ['FireEye'], sources: ['etda'] },
      ],
      description: [
        { text: 'Axiom', url: 'https://attack.mitre.org/groups/G0001' },
        { text: ' is a suspected Chinese cyber espionage group.\n\nIt overlaps with Winnti.' },
      ],
      links: [
        { label: 'ATT&CK G0001', url: 'https://attack.mitre.org/groups/G0001' },
        { label: 'ETDA card: Axiom, Group 72', url: 'https://apt.etda.or.th/cgi-bin/showcard.cgi?g=Axiom' },
      ],
      sources: ['attack', 'etda'],
      country: ['China'],
      sponsor: 'State-sponsored',
      motivation: ['Information theft and espionage'],
      firstSeen: '2008',
      sectors: ['Aerospace', 'Defense'],
      targetCountries: ['Japan', 'USA'],
      tools: [{ name: 'PlugX', softwareId: 'S0013' }, { name: 'Winnti' }],
      techniques: [],
      campaigns: [],
      operations: [{ date: '2008/2014', text: 'Operation SMN', urls: ['https://example.org/smn'] }],
      counterOperations: [],
      records: [{ source: 'etda', id: '6fa5b25b', name: 'Axiom, Group 72' }],
    },
    techniquesByTactic: [
      {
        tactic: { id: 'TA0002', name: 'Execution' },
        techniques: [
          { id: 'T1059', name: 'Command and Scripting Interpreter' },
          { id: 'T1059.001', name: 'PowerShell', parent: 'T1059', parentName: 'Command and Scripting Interpreter' },
          { id: 'T1203', name: 'Exploitation for Client Execution' },
        ],
      },
      {
        tactic: { id: 'TA0011', name: 'Command and Control' },
        techniques: [{ id: 'T1001.002', name: 'Steganography', parent: 'T1001', parentName: 'Data Obfuscation' }],
      },
    ],
    campaigns: [{ id: 'C0001', name: 'Frankenstein' }],
    ...overrides,
  };
}

export function powershellCard(overrides: Partial<TechniqueCardData> = {}): TechniqueCardData {
  return {
    kind: 'technique',
    sources: [attackSource],
    redirect: { from: 'T1086', to: 'T1059.001', kind: 'technique', reason: 'revoked', name: 'PowerShell' },
    entity: {
      id: 'T1059.001',
      kind: 'technique',
      name: 'PowerShell',
      aliases: [],
      description: [{ text: 'Adversaries may abuse PowerShell commands and scripts for execution.' }],
      links: [{ label: 'ATT&CK T1059.001', url: 'https://attack.mitre.org/techniques/T1059/001' }],
      sources: ['attack'],
      tactics: ['TA0002'],
      platforms: ['Windows'],
      domains: ['enterprise-attack'],
      parent: 'T1059',
      subtechniques: [],
      usedBy: ['G0001', 'G0007', 'G0016'],
      softwareUsing: ['S0013'],
    },
    tactics: [{ id: 'TA0002', name: 'Execution' }],
    parent: { id: 'T1059', name: 'Command and Scripting Interpreter' },
    subtechniques: [],
    usedByCount: 3,
    topGroups: [
      { id: 'G0001', name: 'Axiom' },
      { id: 'G0007', name: 'APT28' },
    ],
    softwareUsingCount: 1,
    ...overrides,
  };
}

export function plugxCard(overrides: Partial<SoftwareCardData> = {}): SoftwareCardData {
  return {
    kind: 'software',
    sources: [attackSource],
    entity: {
      id: 'S0013',
      kind: 'software',
      name: 'PlugX',
      type: 'malware',
      aliases: ['PlugX', 'Korplug', 'Sogu'],
      description: [{ text: 'PlugX is a remote access tool.' }],
      links: [],
      sources: ['attack'],
      platforms: ['Windows'],
      domains: ['enterprise-attack'],
      usedBy: ['G0001'],
      techniques: [],
      deprecated: true,
    },
    usedBy: [{ id: 'G0001', name: 'Axiom' }],
    techniquesByTactic: [],
    ...overrides,
  };
}

/** An actor candidate for an ambiguous name, as the background would build it. */
export function cobaltCandidate(id: string, name: string, givers: string[], sources: ('attack' | 'etda' | 'misp-threat-actor')[]): ActorCardData {
  const base = axiomCard();
  return {
    ...base,
    matchedAlias: { name: 'Cobalt', givers, sources },
    entity: { ...base.entity, id, attackId: id.startsWith('G') ? id : undefined, name, aliases: ['Cobalt'], aliasInfo: [], description: [{ text: `${name} description.` }] },
  };
}
