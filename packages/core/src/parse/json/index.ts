export { type JsonParseResult, parseJson } from './parse-json.ts'
export { createPositionMap, type PositionMap, sourceLines } from './positions.ts'
export type {
  JsonArray,
  JsonBoolean,
  JsonMember,
  JsonNode,
  JsonNull,
  JsonNumber,
  JsonObject,
  JsonString,
} from './syntax.ts'
export { toJsonValue } from './to-json-value.ts'
