// Type for the opencc-js dictionary subpath, which the package ships without declarations.
declare module 'opencc-js/dict/TSCharacters' {
  /** Entries "traditional simplified [alternative]" separated by '|'. */
  const dictionary: string;
  export default dictionary;
}
