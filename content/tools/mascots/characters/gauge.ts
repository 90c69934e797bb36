// Gauge 匠小阳: a calm skilled technician in a steel-blue coverall and work cap, caliper in hand, four-rung skills strip.
import type { MascotSpec } from '../spec';

export const gauge: MascotSpec = {
  id: 'gauge',
  name: 'Gauge 匠小阳',
  palette: {
    body: '#2F6FB3',
    accent: '#A9C8EA',
    legs: '#2F6FB3',
    shoes: '#1F2228',
    skin: '#E9BE98',
    hair: '#33261F',
    ink: '#1F2228',
    white: '#FFFFFF',
    cheek: '#EE9E88',
    sun: '#FF7A1A',
    prop: '#B9C2CC',
  },
  figure: { headRadius: 0.29, headShape: [1.04, 0.98, 1], hips: 0.2, shoulders: 0.18, torsoHeight: 0.44, legLength: 0.29, armSpread: 0.2 },
  face: { eyes: 'calm', mouth: 'small', brows: 0.011, moustache: false },
  hair: 'crop',
  headwear: 'cap',
  outfit: 'coverall',
  prop: 'caliper',
  badges: ['headwear'],
  energy: 0.7,
};
