/**
 * Findings no criterion explains: when no category but NORMAL has scored, each abnormal finding left points weakly to
 * the category it most often means, so that an abnormal report gets an answer rather than none. Regional wall-motion
 * abnormality is ischaemic until shown otherwise; unexplained LV hypertrophy is HCM (ESC 2023) unless loading explains
 * it; other myocardial LGE is myocarditis' at the weakest; an effusion alone is pericardial; a dysfunctional RV alone is the RV's own disease (ARVC, Task Force 2010).
 */
import { ENGINE_CATEGORIES as CATEGORIES } from '../outcomes.js';
import type { Facts } from './facts.js';
import { spansOf, type Tally } from './tally.js';

export function fireUnexplained(facts: Facts, t: Tally): void {
  const { concentric, efReduced, effusion, hypertension, hypertrophy, lge, lvDilated, myocardialLge, oedema, reduced, regionalWma, rvBad, rvef } = facts;
  const { fire } = t;
  const explained = CATEGORIES.some((c) => c !== 'NORMAL' && t.scores[c] > 0);
  if (!explained) {
    if (regionalWma.length > 0) fire('icm.wma-only', 'ICM', 0.75, 'regional wall-motion abnormality, nothing else', spansOf(regionalWma));
    if (hypertrophy.length > 0 && hypertension.length === 0 && concentric.length === 0) fire('hcm.lvh-only', 'HCM', 0.75, 'LV hypertrophy, nothing else', spansOf(hypertrophy));
    // LGE of the (infero)lateral wall with no depth or pattern named: most often myocarditis' subepicardial scar.
    const lateralLge = lge.filter((m) => m.attrs.has('lateral') && !m.attrs.has('territory'));
    if (lateralLge.length > 0) fire('myo.lge-only', 'MYO', 0.75, 'LGE of the (infero)lateral wall, nothing else', spansOf(lateralLge));
    // LGE of the anterior or inferior wall or the apex with no depth or pattern named: most often an infarct's
    // (the LAD and RCA territories), not myocarditis' lateral scar.
    const territoryWallLge = lge.filter((m) => (m.attrs.has('anterior') || m.attrs.has('apical') || m.attrs.has('inferior')) && !m.attrs.has('lateral') && !m.attrs.has('septal') && !m.attrs.has('rv'));
    if (territoryWallLge.length > 0 && lateralLge.length === 0) fire('icm.lge-only', 'ICM', 0.75, 'LGE of the anterior / inferior wall or the apex, nothing else', spansOf(territoryWallLge));
    // Other LGE in the myocardium (the septum, several walls) with no depth or pattern named is still no normal study:
    // with nothing else, the most common cause of such scar with a normal-sized heart, myocarditis, weakest of all.
    const otherLge = myocardialLge.filter((m) => !lateralLge.includes(m) && !territoryWallLge.includes(m) && !m.attrs.has('insertion'));
    if (otherLge.length > 0 && lateralLge.length === 0 && territoryWallLge.length === 0) fire('myo.lge-unplaced', 'MYO', 0.5, 'LGE in the myocardium, nothing else', spansOf(otherLge));
    // A dysfunctional RV with a normal LV and nothing else: the right ventricle's own disease (ARVC) until shown otherwise.
    if (rvBad && !lvDilated && !efReduced) fire('other.rv-only', 'OTHER', rvef && rvef.value <= 40 ? 2 : 0.75, 'RV dysfunction, nothing else', spansOf(rvef ? [rvef] : reduced.filter((m) => m.attrs.has('rv'))), 'arvc');
    if (effusion.length > 0 && lge.length === 0 && oedema.length === 0) fire('other.effusion-only', 'OTHER', 0.75, 'pericardial effusion, nothing else', spansOf(effusion), 'pericarditis');
  }
}
