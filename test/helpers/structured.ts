/** A news page as plain text: headline, dek, byline, dateline, paragraphs, a subheading, a list; lines without final punctuation. */
export const STRUCTURED_ARTICLE = [
  'Incendio forestal obliga a desalojar tres pueblos en Ávila',
  '',
  'Las llamas avanzan sin control por el valle del Tiétar y los bomberos piden ayuda a otras comunidades',
  '',
  'Por María López y Juan Pérez',
  '',
  'Madrid, 24 de noviembre de 2026',
  '',
  'El fuego comenzó ayer por la tarde cerca de Arenas de San Pedro y ha quemado ya más de mil hectáreas. Los equipos de extinción trabajan durante toda la noche.',
  '',
  'Qué deben hacer los vecinos',
  '',
  'Protección Civil pide a los vecinos de la zona que sigan estas indicaciones:',
  'Recoger la documentación personal',
  'Cerrar puertas y ventanas',
  'Seguir las indicaciones de la Guardia Civil',
  '',
  'La carretera que une los pueblos del valle permanecerá cortada hasta nuevo aviso',
].join('\n');

/** One sentence of well over 510 Kokoro tokens with commas only: Kokoro must read it in passes cut at a clause. */
export const LONG_SENTENCE =
  'El plan aprobado ayer por el consejo incluye la renovación de las redes de agua de los barrios del norte, ' +
  'la construcción de dos depósitos nuevos junto a la carretera de la sierra, la sustitución de las tuberías de plomo ' +
  'que todavía quedan en los edificios más antiguos del centro histórico, un sistema de sensores que avisará de las fugas ' +
  'antes de que los vecinos las noten, la ampliación de la depuradora para que pueda tratar el agua de las nuevas urbanizaciones, ' +
  'un programa de ayudas para las comunidades de propietarios que cambien sus instalaciones, y una campaña de información ' +
  'que explicará a cada familia cuánto agua consume y cómo puede ahorrarla sin renunciar a nada de lo que necesita cada día.';
