// Master Jin 金师傅: a veteran mentor in medal gold with red trim, grey hair, brows and moustache, toolbox and medal pin.
import type { MascotSpec } from '../spec';

export const jin: MascotSpec = {
  id: 'jin',
  name: 'Master Jin 金师傅',
  palette: {
    body: '#D4A017',
    accent: '#C8102E',
    legs: '#3B3F4A',
    shoes: '#5A3A28',
    skin: '#E8BB95',
    hair: '#C9CBD1',
    ink: '#2A2522',
    white: '#FFFFFF',
    cheek: '#E99A86',
    sun: '#FF7A1A',
    prop: '#C8102E',
  },
  figure: { headRadius: 0.29, headShape: [1.05, 0.95, 1], hips: 0.215, shoulders: 0.17, torsoHeight: 0.43, legLength: 0.27, armSpread: 0.22 },
  face: { eyes: 'kind', mouth: 'smile', brows: 0.018, moustache: true },
  hair: 'elder',
  headwear: 'none',
  outfit: 'mentor',
  prop: 'toolbox',
  badges: ['chest'],
  energy: 0.6,
};
