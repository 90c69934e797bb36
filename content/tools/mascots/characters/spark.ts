// Spark 创创: an energetic young maker in electric teal, goggles pushed up, a wrench with a light-bulb head.
import type { MascotSpec } from '../spec';

export const spark: MascotSpec = {
  id: 'spark',
  name: 'Spark 创创',
  palette: {
    body: '#00B3A6',
    // A pale warm light for the bulb and lenses, well away from any delivery platform's yellow.
    accent: '#FFE7A0',
    legs: '#34404C',
    shoes: '#FFFFFF',
    skin: '#F4CDAE',
    hair: '#3B2620',
    ink: '#1E2226',
    white: '#FFFFFF',
    cheek: '#F59A8A',
    sun: '#FF7A1A',
    prop: '#9AA4AE',
  },
  figure: { headRadius: 0.3, headShape: [1.05, 0.97, 1], hips: 0.18, shoulders: 0.155, torsoHeight: 0.41, legLength: 0.29, armSpread: 0.2 },
  face: { eyes: 'sparkle', mouth: 'open', brows: 0.009, moustache: false },
  hair: 'ponytail',
  headwear: 'goggles',
  outfit: 'maker',
  prop: 'bulb-wrench',
  badges: ['chest'],
  energy: 1.4,
};
