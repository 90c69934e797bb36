// Assembles one mascot's node tree from its parameter object: the shared figure plus its prop in hand or on its back.
import { Quaternion } from 'three';
import { buildFigure, NODE, node, quat } from './parts/figure';
import { ARM_LENGTH, makeFrame } from './parts/frame';
import { propParts } from './parts/props';
import type { MascotSpec, PartNode } from './spec';

export function buildMascotTree(spec: MascotSpec): PartNode {
  const frame = makeFrame(spec.figure);
  const prop = propParts(frame, spec.prop);
  const figure = buildFigure(spec, frame, prop.leftArm);
  if (prop.hand.length > 0) {
    // Undo the arm's rest turn, so props are modelled upright and still swing with the arm.
    const upright = new Quaternion(...quat(prop.leftArm)).invert();
    figure.armLeft.children.push(node(NODE.prop, [0, -ARM_LENGTH, 0], prop.hand, [], [upright.x, upright.y, upright.z, upright.w]));
  }
  if (prop.back.length > 0) figure.body.children.push(node(prop.hand.length > 0 ? 'backpack' : NODE.prop, [0, 0, 0], prop.back));
  return figure.root;
}
