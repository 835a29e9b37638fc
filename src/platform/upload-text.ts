// The words an upload needs in the narration's language: where the full story is, and that the voice is
// synthetic (YouTube, TikTok and Meta ask creators to label realistic synthetic media).
const WORDING: Readonly<Record<string, { fullStory: string; disclosure: (model: string) => string }>> = {
  es: { fullStory: 'Noticia completa', disclosure: (model) => `Narración generada con una voz sintética (${model}).` },
  en: { fullStory: 'Full story', disclosure: (model) => `Narrated by a synthetic voice (${model}).` },
  fr: { fullStory: 'Article complet', disclosure: (model) => `Narration par une voix de synthèse (${model}).` },
  it: { fullStory: 'Articolo completo', disclosure: (model) => `Narrazione con voce sintetica (${model}).` },
  pt: { fullStory: 'Matéria completa', disclosure: (model) => `Narração com voz sintética (${model}).` },
  hi: { fullStory: 'पूरी खबर', disclosure: (model) => `यह वाचन एक कृत्रिम आवाज़ (${model}) से किया गया है।` },
};

/** The wording for a Kokoro language code (es, en-us, pt-br…): by its first part; English where none is written. */
export function uploadWording(language: string): { fullStory: string; disclosure: (model: string) => string } {
  return WORDING[language.split('-')[0]!] ?? WORDING.en!;
}
