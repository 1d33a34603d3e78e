import { sendMessage } from '@/lib/messages';
import { runBackstory } from '@/lib/page/app';
import { readSettings } from '@/lib/page/reader-settings';
import browser from 'webextension-polyfill';
(globalThis as any).x = [sendMessage, runBackstory, readSettings, browser];
