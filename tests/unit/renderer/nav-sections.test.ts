import { describe, expect, it } from 'vitest';
import { isAdminSection, sectionsFor } from '../../../renderer/src/app/nav-store';

// The menu follows the contract's access rules; these are the menus people saw before the rules moved there.
describe('navigation sections from the contract', () => {
  it('shows a receptionist and a doctor the clinic work and the backup status only', () => {
    // Backups shows everyone whether the clinic's data is backed up; only administrators act there.
    expect(sectionsFor(['receptionist'])).toEqual(['patients', 'appointments', 'backups']);
    // Doctors and administrators keep the clinic's drug formulary (issue 10) and lab tests (issue 11);
    // a doctor's results inbox and lab imports are the doctor's alone.
    expect(sectionsFor(['doctor'])).toEqual([
      'patients',
      'appointments',
      'results',
      'formulary',
      'labTests',
      'labImports',
      'backups',
    ]);
  });

  it('shows an administrator every section, administration grouped apart', () => {
    expect(sectionsFor(['admin'])).toEqual([
      'patients',
      'appointments',
      'formulary',
      'labTests',
      'users',
      'hours',
      'settings',
      'backups',
      'audit',
    ]);
    expect(sectionsFor(['doctor', 'admin']).filter(isAdminSection)).toEqual([
      'users',
      'hours',
      'settings',
      'backups',
      'audit',
    ]);
  });
});
