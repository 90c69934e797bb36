// Navi 小航: a young courier studying part-time, in indigo violet, with a bob, a backpack of books and a compass.
import type { MascotSpec } from '../spec';

export const navi: MascotSpec = {
  id: 'navi',
  name: 'Navi 小航',
  palette: {
    body: '#5B4BDB',
    accent: '#F1E6D2',
    legs: '#2D3354',
    shoes: '#F1E6D2',
    skin: '#F5D5BC',
    hair: '#3E2A3A',
    ink: '#221C2A',
    white: '#FFFFFF',
    cheek: '#F7A2A0',
    sun: '#FF7A1A',
    prop: '#D4A94A',
  },
  figure: { headRadius: 0.3, headShape: [1.06, 0.97, 1], hips: 0.185, shoulders: 0.155, torsoHeight: 0.41, legLength: 0.3, armSpread: 0.14 },
  face: { eyes: 'round', mouth: 'small', brows: 0.008, moustache: false },
  hair: 'bob',
  headwear: 'none',
  outfit: 'jacket',
  prop: 'backpack-compass',
  badges: ['chest'],
  energy: 0.9,
};
