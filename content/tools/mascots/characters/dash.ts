// Dash 迅迅: a young delivery rider in sunrise orange, helmet with the sun badge, insulated box on his back.
import type { MascotSpec } from '../spec';

export const dash: MascotSpec = {
  id: 'dash',
  name: 'Dash 迅迅',
  palette: {
    body: '#FF7A1A',
    accent: '#F4F1EA',
    legs: '#2B3350',
    shoes: '#26222E',
    skin: '#F2C9A5',
    hair: '#2E2420',
    ink: '#26222E',
    white: '#FFFFFF',
    cheek: '#F49A80',
    sun: '#FF7A1A',
    prop: '#F4F1EA',
  },
  figure: { headRadius: 0.3, headShape: [1.06, 0.96, 1], hips: 0.2, shoulders: 0.17, torsoHeight: 0.42, legLength: 0.28, armSpread: 0.18 },
  face: { eyes: 'round', mouth: 'grin', brows: 0.01, moustache: false },
  hair: 'tuft',
  headwear: 'helmet',
  outfit: 'rider',
  prop: 'delivery-box',
  badges: ['headwear', 'chest'],
  energy: 1.2,
};
