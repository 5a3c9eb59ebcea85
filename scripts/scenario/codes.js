// Unified Social Credit Codes (GB 32100-2015) with both check characters, for the records
// the scenario creates: a fresh code per run, so that the scenario can run again on the
// same chain.
import { randomInt } from 'node:crypto';

/** The code's alphabet: digits and capitals without I, O, S, V and Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Position 17: the organisation code's check (GB 11714) over positions 9-16. */
function organisationCheck(body) {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, character, index) => total + parseInt(character, 36) * weights[index], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Position 18: the code's check over positions 1-17, weights 3^(i-1) mod 31. */
function codeCheck(first17) {
  let weight = 1;
  let sum = 0;
  for (const character of first17) {
    sum += ALPHABET.indexOf(character) * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * A valid code: registering authority and category (`11` a government organ, `91` an
 * enterprise, `92` an individual business, `93` a farmers' cooperative), the six-digit
 * division, and an organisation code of `prefix` followed by random digits.
 */
export function uscc(kind, division, prefix = 'MA') {
  let organisation = prefix;
  while (organisation.length < 8) organisation += String(randomInt(10));
  const first17 = `${kind}${division}${organisation}${organisationCheck(organisation)}`;
  return `${first17}${codeCheck(first17)}`;
}
