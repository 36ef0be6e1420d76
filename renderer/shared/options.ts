/** Select options for an API enum, labelled from its translated group (e.g. t('stage', { returnObjects: true })). */
export function optionsOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>) {
  return values.map((value) => ({ value, label: labels[value] }));
}
