// Types of the mascot generator: per-character parameter objects and the node tree the shared builder produces.
import type { BufferGeometry } from 'three';

export type Vec3 = readonly [number, number, number];
export type Quat = readonly [number, number, number, number];

/**
 * Colour roles, `#RRGGBB` each (sRGB). The writer puts them in the vertex colours (linear) of the model's
 * one material; `body` is the signature colour, the colour most of the `body` node wears.
 */
export interface Palette {
  readonly body: string;
  /** Second colour: stripes, apron, collar, back prop. */
  readonly accent: string;
  readonly legs: string;
  readonly shoes: string;
  readonly skin: string;
  readonly hair: string;
  /** Eyes, mouth, straps. */
  readonly ink: string;
  /** Eye highlights and the badge's disc. */
  readonly white: string;
  readonly cheek: string;
  /** The rising sun on the badge. */
  readonly sun: string;
  /** Main colour of the prop (metal, wood…). */
  readonly prop: string;
}
export type Role = keyof Palette;
/** Colour order: a node's pieces go into its primitive grouped by colour, in the order each colour's first role has here. */
export const ROLES: readonly Role[] = ['body', 'accent', 'legs', 'shoes', 'skin', 'hair', 'ink', 'white', 'cheek', 'sun', 'prop'];

export type HairStyle = 'tuft' | 'bun' | 'crop' | 'ponytail' | 'elder' | 'bob';
export type Headwear = 'none' | 'helmet' | 'cap' | 'goggles';
export type EyeStyle = 'round' | 'happy' | 'calm' | 'sparkle' | 'kind';
export type MouthStyle = 'grin' | 'smile' | 'open' | 'small';
export type Outfit = 'rider' | 'apron' | 'coverall' | 'maker' | 'mentor' | 'jacket';
export type PropKind = 'delivery-box' | 'milk-pitcher' | 'caliper' | 'bulb-wrench' | 'toolbox' | 'backpack-compass';

export interface Figure {
  /** Head radius in metres; the head is the chibi's main shape (about 1:1.2 to the body below it). */
  readonly headRadius: number;
  /** Width, height, depth factors of the head sphere. */
  readonly headShape: Vec3;
  /** Torso half-width at the hips and at the shoulders, and its height (metres). */
  readonly hips: number;
  readonly shoulders: number;
  readonly torsoHeight: number;
  readonly legLength: number;
  /** Arms hang this far out from the body, radians. */
  readonly armSpread: number;
}

export interface Face {
  readonly eyes: EyeStyle;
  readonly mouth: MouthStyle;
  /** Eyebrow thickness in metres; 0 for none. Bushy brows read as age at kiosk distance. */
  readonly brows: number;
  /** Brows and moustache use the hair colour. */
  readonly moustache: boolean;
}

export interface MascotSpec {
  readonly id: string;
  readonly name: string;
  readonly palette: Palette;
  readonly figure: Figure;
  readonly face: Face;
  readonly hair: HairStyle;
  readonly headwear: Headwear;
  readonly outfit: Outfit;
  readonly prop: PropKind;
  /** Where the morning-sun badge sits: on the left of the chest, on the front of the helmet or cap, or both. */
  readonly badges: readonly ('chest' | 'headwear')[];
  /** Idle personality: 1 is the default sway; more is livelier. */
  readonly energy: number;
}

/** A piece of geometry (positions, normals, index) drawn in one palette role. */
export interface Piece {
  readonly geometry: BufferGeometry;
  readonly role: Role;
}

/** One glTF node: its rest transform, what it draws, and its children. */
export interface PartNode {
  readonly name: string;
  readonly translation: Vec3;
  readonly rotation: Quat;
  readonly pieces: Piece[];
  readonly children: PartNode[];
}

/** The pose offset of one node at time t: added to its rest translation, rotation applied after its rest rotation (Euler XYZ, radians). */
export interface PoseOffset {
  readonly translate?: Vec3;
  readonly rotate?: Vec3;
}
export type Motion = (t: number) => PoseOffset;

export interface ClipSpec {
  readonly name: string;
  readonly duration: number;
  /** Samples a second; linear interpolation between them. */
  readonly rate: number;
  readonly motions: Readonly<Record<string, Motion>>;
}
