import { describe, expect, it } from 'vitest';
import { DRAFT_ACCESS } from '../../../shared/access';
import { contract, type Channel } from '../../../shared/contract';
import { DRAFT_KINDS, draftBytes, MAX_DRAFT_BYTES, utf8Length } from '../../../shared/domain/draft';

/** What each kind of draft is for: its access must be that channel's. */
const LEADS_TO: Record<Exclude<(typeof DRAFT_KINDS)[number], 'note'>, Channel> = {
  registration: 'patients.register',
  patientEdit: 'patients.update',
  booking: 'appointments.book',
  rxItem: 'prescriptions.addItem',
};

describe('drafts', () => {
  it('are open to exactly those who may do what they are for', () => {
    for (const [kind, channel] of Object.entries(LEADS_TO)) {
      expect(DRAFT_ACCESS[kind as keyof typeof LEADS_TO], kind).toEqual(contract[channel].access);
    }
    // Notes are clinical: doctors only, as every clinical channel.
    expect(DRAFT_ACCESS.note).toEqual(['doctor']);
    expect(Object.keys(DRAFT_ACCESS).sort()).toEqual([...DRAFT_KINDS].sort());
  });

  it('count their size in UTF-8 bytes, as the database stores them', () => {
    for (const text of ['plain', 'José', 'नमस्ते', '漢字', '😀 emoji', '\ud800 lone']) {
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
    }
    expect(draftBytes({ text: 'x'.repeat(MAX_DRAFT_BYTES) })).toBeGreaterThan(MAX_DRAFT_BYTES);
  });
});
