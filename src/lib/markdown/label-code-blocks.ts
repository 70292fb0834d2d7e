/**
 * Gives every code block of a built page an accessible name. Expressive Code makes each block's
 * <pre> a keyboard-scrollable region (role="region", tabindex="0") at run time, without a name;
 * two unnamed regions on one page fail axe's landmark-unique rule. The name is the block's title
 * when it has one, else "Code example N (language)".
 */

/** Escapes text for a double-quoted attribute. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** `html` with an aria-label on each Expressive Code <pre> that lacks one. */
export function labelCodeBlocks(html: string): string {
  let untitled = 0;
  return html.replace(/<figure class="frame[^"]*">[\s\S]*?<\/figure>/g, (figure) => {
    const title = /<span class="title">([\s\S]*?)<\/span>/
      .exec(figure)?.[1]
      ?.replace(/<[^>]*>/g, '')
      .trim();
    return figure.replace(/<pre data-language="([^"]*)"(?![^>]*aria-label)/, (_pre, lang: string) => {
      const label = title ? `Code: ${title}` : `Code example ${++untitled} (${lang})`;
      return `<pre data-language="${lang}" aria-label="${attr(label)}"`;
    });
  });
}
