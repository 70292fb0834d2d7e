/**
 * A disclosure whose content waits in a `<template>` until the reader first opens it. A chapter's
 * generated code listings are up to 400 KB of highlighted markup (MobileNetV2's two): kept in a
 * template they cost the page no style, layout or accessibility-tree work until someone asks to
 * read them. Custom elements inside (Starlight's tabs) upgrade when the content is put in place.
 */

/** Wires `details` (holding one `<template>` child) to put the template's content in place when opened. */
export function fillOnOpen(details: HTMLDetailsElement): void {
  const fill = (): void => {
    const template = details.querySelector<HTMLTemplateElement>(':scope > template');
    if (template) template.replaceWith(template.content);
  };
  if (details.open) fill();
  else details.addEventListener('toggle', () => details.open && fill());
}
