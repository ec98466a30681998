/**
 * Checks that a string can be a SNOMED CT concept id: 6 to 18 digits, the partition of a concept (`00`, or `10`
 * in an extension) and a correct Verhoeff check digit, which catches a mistyped digit or two swapped ones.
 * It says nothing about what the concept means: that is checked against a published source.
 */
const D = ['0123456789', '1234067895', '2340178956', '3401289567', '4012395678', '5987604321', '6598710432', '7659821043', '8765932104', '9876543210'];
const P = ['0123456789', '1576283094', '5803796142', '8916043527', '9453126870', '4286573901', '2793806415', '7046913258'];

export function isSnomedConceptId(id: string): boolean {
  if (!/^\d{6,18}$/.test(id)) return false;
  if (!['00', '10'].includes(id.slice(-3, -1))) return false;
  let check = 0;
  [...id].reverse().forEach((digit, i) => {
    check = Number(D[check]![Number(P[i % 8]![Number(digit)])]);
  });
  return check === 0;
}
