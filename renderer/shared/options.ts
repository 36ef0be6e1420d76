/** Select options for an API enum, labelled from its translated group (e.g. t('stage', { returnObjects: true })). */
export function optionsOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The label of a chosen option (an id as select text); the value itself when it is not among them. */
export function labelOf(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
