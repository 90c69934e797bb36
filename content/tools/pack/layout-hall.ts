// Places each zone's exhibits and mascot on the hall floor: booths in staggered rows facing the entrance, the host in front.
import type { PackStructure } from './pack-source';

export interface Placement {
  readonly position: { x: number; z: number };
  /** Degrees; 0 faces +z, towards the entrance. */
  readonly facing: number;
}

/** Booth spacing along a row (a booth is 2 m wide) and between rows (m). */
const BOOTH_PITCH = 2.8;
const ROW_PITCH = 4.2;
/** Distance of the first row from the zone's far edge. */
const FIRST_ROW_INSET = 1.2;

/**
 * Rows start at the zone's far (−z) edge and every booth faces +z, so the whole hall reads from the
 * entrance and from the aisle; a second row is offset by half a pitch so it never hides the first.
 * The zone's mascot stands near its front corner, facing the visitors walking in.
 */
export function layoutHall(structure: PackStructure): { exhibits: Map<string, Placement>; mascots: Map<string, Placement> } {
  const exhibits = new Map<string, Placement>();
  const mascots = new Map<string, Placement>();
  for (const zone of structure.zones) {
    const inZone = structure.exhibits.filter((e) => e.zone === zone.id);
    const perRow = Math.max(1, Math.floor((zone.size.width - 1) / BOOTH_PITCH));
    inZone.forEach((exhibit, index) => {
      const row = Math.floor(index / perRow);
      const inRow = Math.min(perRow, inZone.length - row * perRow);
      const column = index % perRow;
      const stagger = row % 2 === 1 ? BOOTH_PITCH / 2 : 0;
      const x = zone.position.x + (column - (inRow - 1) / 2) * BOOTH_PITCH + stagger;
      const z = zone.position.z - zone.size.depth / 2 + FIRST_ROW_INSET + row * ROW_PITCH;
      exhibits.set(exhibit.id, { position: { x: round(x), z: round(z) }, facing: 0 });
    });
    structure.mascots
      .filter((m) => m.zone === zone.id)
      .forEach((mascot, index) => {
        const x = zone.position.x + zone.size.width / 2 - 1.6 - index * 1.4;
        const z = zone.position.z + zone.size.depth / 2 - 2.2;
        mascots.set(mascot.id, { position: { x: round(x), z: round(z) }, facing: -20 });
      });
  }
  return { exhibits, mascots };
}

const round = (value: number) => Math.round(value * 100) / 100;
