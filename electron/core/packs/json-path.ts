// Formats a zod issue path as the JSON path staff and authors see: `$.hall.exhibits[3].zone`.

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${out}.${String(key)}` : `${out}[${JSON.stringify(String(key))}]`), '$');
}
