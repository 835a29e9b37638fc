/** A Spanish news paragraph: several sentences, commas, a quote, a question. */
export const SPANISH_PARAGRAPH =
  'El ayuntamiento presentó ayer el nuevo plan de movilidad para el centro de la ciudad. ' +
  'La medida reducirá el tráfico en las calles más estrechas y ampliará las zonas peatonales. ' +
  '¿Servirá para mejorar la calidad del aire? Los técnicos creen que sí, aunque piden paciencia. ' +
  '«Los resultados se verán dentro de un año», explicó la alcaldesa.';
