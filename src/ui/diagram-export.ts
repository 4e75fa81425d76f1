// Saving a diagram drawn on the page (the timeline, the wait-for graph) as a file: an SVG that
// stands on its own (the page's styles written onto each element, so it looks the same anywhere),
// or a PNG drawn from that SVG on a canvas. Loaded with import() when a Save button is pressed.

import { downloadBlob } from "./download";

/** The style properties a diagram uses; copied from the page onto each element of the copy. */
const PROPERTIES = [
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "paint-order", "display", "visibility",
];

/** The diagram as a standalone SVG document, on the page's background colour. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((el, k) => {
    const style = getComputedStyle(el);
    const target = copies[k] as SVGElement;
    target.setAttribute("style", PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(";"));
    // What makes it a control on the page means nothing in a file.
    for (const attr of ["role", "tabindex", "aria-label", "aria-disabled", "class", "data-move", "data-thread", "data-moves"]) target.removeAttribute(attr);
  });
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) {
    copy.setAttribute("width", String(box.width));
    copy.setAttribute("height", String(box.height));
  }
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", backgroundOf(svg));
  copy.insertBefore(background, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The colour the diagram is drawn on: the first ancestor with a background that is not transparent. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return "#ffffff";
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens) and encodes a PNG. */
async function pngOf(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `svg` as `<name>.svg` or `<name>.png`. */
export async function saveDiagram(svg: SVGSVGElement, name: string, format: "svg" | "png"): Promise<void> {
  const text = standaloneSvg(svg);
  if (format === "svg") {
    downloadBlob(new Blob([text], { type: "image/svg+xml" }), `${name}.svg`);
    return;
  }
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
  const height = box && box.height > 0 ? box.height : svg.getBoundingClientRect().height;
  downloadBlob(await pngOf(text, width, height), `${name}.png`);
}
