/** Longest search box entry, shared by the server's validation and the client's input. */
export const searchTextMaxLength = 100;
