// The mascot generator's public face, as the content build imports it (`./mascots`).
export { buildMascotGlb, buildMascots, MASCOT_COLOURS, MASCOT_IDS, MASCOT_LIMITS } from './build-mascots';
export type { MascotId, MascotModelInfo } from './build-mascots';
