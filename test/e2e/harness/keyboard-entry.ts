// Keyboard test page: mounts OnScreenKeyboard with the app's global styles and fonts; options come from the query string.
import { mount } from 'svelte';
import '../../../renderer/src/app/global.css';
import '../../../renderer/src/app/fonts.css';
import OnScreenKeyboard from '../../../renderer/src/app/keyboard/OnScreenKeyboard.svelte';
import type { KeyboardHarness } from './harness-globals';

const params = new URLSearchParams(location.search);
const target = document.getElementById('app');
if (!target) throw new Error('keyboard.html has no #app');
const log: KeyboardHarness = { inputs: [], submits: [], cancels: 0 };
window.keyboardHarness = log;
mount(OnScreenKeyboard, {
  target,
  props: {
    value: params.get('value') ?? '',
    maxLength: Number(params.get('max') ?? 80),
    locale: params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en',
    oninput: (value: string) => log.inputs.push(value),
    onsubmit: (value: string) => log.submits.push(value),
    oncancel: () => (log.cancels += 1),
  },
});
