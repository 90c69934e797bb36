// Beibei 焙焙: a warm young barista in espresso brown with a cream apron, hair in a bun, milk pitcher in hand.
import type { MascotSpec } from '../spec';

export const beibei: MascotSpec = {
  id: 'beibei',
  name: 'Beibei 焙焙',
  palette: {
    body: '#6B4226',
    accent: '#F3E5C8',
    legs: '#3D2A1E',
    shoes: '#6B4226',
    skin: '#F6D3B8',
    hair: '#3D2A1E',
    ink: '#2A1E1A',
    white: '#FFFFFF',
    cheek: '#F5A091',
    sun: '#FF7A1A',
    prop: '#C9D1D9',
  },
  figure: { headRadius: 0.3, headShape: [1.08, 0.95, 1], hips: 0.19, shoulders: 0.155, torsoHeight: 0.4, legLength: 0.28, armSpread: 0.16 },
  face: { eyes: 'happy', mouth: 'smile', brows: 0.008, moustache: false },
  hair: 'bun',
  headwear: 'none',
  outfit: 'apron',
  prop: 'milk-pitcher',
  badges: ['chest'],
  energy: 1,
};
