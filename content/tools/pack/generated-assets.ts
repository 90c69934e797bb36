// Where the generated files of a pack live, by the id and language they belong to (paths inside the pack).

export const chartPath = (exhibitId: string, locale: string) => `images/${exhibitId}.${locale}.png`;
export const speechPath = (speechId: string, locale: string) => ({ audio: `audio/${speechId}.${locale}.mp3`, captions: `captions/${speechId}.${locale}.vtt` });
export const modelPath = (mascotId: string) => `models/${mascotId}.glb`;
export const greetingId = (mascotId: string) => `greeting-${mascotId}`;
export const AMBIENT_MUSIC_PATH = 'audio/ambient.mp3';
export const BLOCKED_WORDS_PATH = 'words/blocked.txt';
