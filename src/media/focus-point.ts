// Where a picture's subject is, for the crops of the vertical and square videos: smartcrop's content-aware crop
// (edges, skin tones, saturation, rule of thirds) with sharp doing the decoding and resampling that smartcrop
// leaves to its host (it ships only a browser canvas adapter). bench/focus-crop.ts measures it against the centre.
import sharp from 'sharp';
import smartcropModule from 'smartcrop';

// A CommonJS module whose typings say `export default`: Node hands the module itself to a default import.
const smartcrop = smartcropModule as unknown as typeof smartcropModule.default;

/** What smartcrop's core asks of an image library: open, resample, and RGBA pixels. */
interface SmartcropImage {
  file: string;
  width: number;
  height: number;
}

const sharpOperations = {
  async open(file: string): Promise<SmartcropImage> {
    const { width, height } = await sharp(file).metadata();
    return { file, width, height };
  },
  async resample(image: SmartcropImage | Promise<SmartcropImage>, width: number, height: number): Promise<SmartcropImage> {
    return { ...(await image), width: Math.floor(width), height: Math.floor(height) };
  },
  async getData(image: SmartcropImage | Promise<SmartcropImage>): Promise<{ width: number; height: number; data: Uint8Array }> {
    const { file, width, height } = await image;
    const data = await sharp(file).resize(width, height, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
    return { width, height, data };
  },
};

type Crop = { x: number; y: number; width: number; height: number };

/** smartcrop's best crop of `file` at the shape width:height, as large as the picture allows. */
async function bestCrop(file: string, width: number, height: number): Promise<Crop> {
  // The typings name only the canvas form; the core takes any imageOperations (smartcrop's README, "node").
  const options = { width, height, imageOperations: sharpOperations } as unknown as Parameters<typeof smartcrop.crop>[1];
  return (await smartcrop.crop(file as unknown as CanvasImageSource, options)).topCrop;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * The focus point of a picture `width`x`height` stored at `file`, as fractions of its size: x is the centre of the
 * best 9:16 crop (the narrowest window any format cuts from a wide picture), y the centre of the best 16:9 crop
 * (the flattest cut from a tall one). A side no format crops stays centred.
 */
export async function focusPoint(file: string, width: number, height: number): Promise<{ x: number; y: number }> {
  const x = width / height > 9 / 16 ? await bestCrop(file, 9, 16).then((crop) => (crop.x + crop.width / 2) / width) : 0.5;
  const y = width / height < 16 / 9 ? await bestCrop(file, 16, 9).then((crop) => (crop.y + crop.height / 2) / height) : 0.5;
  return { x: clamp(x), y: clamp(y) };
}
