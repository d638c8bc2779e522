/**
 * How deep JSON values may nest. IAM policies nest four levels; 128 leaves room for any
 * document that means something and keeps the recursive descent far from any stack limit.
 */
export const maximumDepth = 128

/**
 * How many diagnostics each stage (JSON syntax, policy grammar) records; the others are only
 * counted. A text with more problems is not one anyone fixes problem by problem, and a bound
 * keeps memory proportional to the text's content: a run of commas would otherwise cost a
 * diagnostic per character.
 */
export const maximumDiagnostics = 1000
