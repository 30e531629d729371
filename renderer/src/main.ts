/**
 * Renderer entry: the global styles, then the app shell mounted with Svelte 5.
 */
import './lib/zod-csp';
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Élément #app introuvable');

export default mount(App, { target });
