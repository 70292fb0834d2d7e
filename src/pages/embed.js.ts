/**
 * /embed.js, the optional helper instructors add to their pages (source:
 * src/embed-script/embed.js): auto-sizes CNN Lineage iframes and defines <cnn-lineage-widget>.
 */
import source from '../embed-script/embed.js?raw';

export function GET(): Response {
  return new Response(source, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
