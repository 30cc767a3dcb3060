import { hashInts } from './prng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** This bench clinic's MRN prefix, from the seed (the app draws it at random on first use). */
export function benchDeviceCode(seed: number): string {
  let h = hashInts(seed, 0xdec0de);
  let code = '';
  for (let i = 0; i < 4; i++, h >>>= 5) code += CROCKFORD[h & 31];
  return code;
}

/** The MRN register() gives the patient at `index` (0-based) on the bench clinic's device. */
export function benchMrn(seed: number, index: number): string {
  return `${benchDeviceCode(seed)}-${String(index + 1).padStart(6, '0')}`;
}
