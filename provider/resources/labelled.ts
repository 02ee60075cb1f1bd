/** How conflict messages name an object that already exists in LiveKit: its ID, then its name. */
export const labelled = (id: string, name: string | undefined) => (name ? `${id} (${name})` : id);
