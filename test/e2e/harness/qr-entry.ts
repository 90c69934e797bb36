// QR test page: mounts QrCode for the URL in the query string, at the size asked for.
import { mount } from 'svelte';
import '../../../renderer/src/app/global.css';
import QrCode from '../../../renderer/src/app/QrCode.svelte';

const params = new URLSearchParams(location.search);
const target = document.getElementById('app');
if (!target) throw new Error('qr.html has no #app');
mount(QrCode, { target, props: { url: params.get('url') ?? '', size: Number(params.get('size') ?? 240), label: params.get('label') ?? 'QR code' } });
