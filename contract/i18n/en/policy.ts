/**
 * What is wrong with an admin policy (main/policy), in English: said inside the policy notice
 * and read by the user and the IT administrator alike, so in the user's language. A JSON
 * syntax problem is its line and column, what was expected and what was found.
 */
export const enPolicy = {
  'policy.too-large': (p: { size: number; limit: number }) =>
    `it is ${p.size} KB, more than a policy can be (${p.limit} KB)`,
  'policy.not-json': 'it is not valid JSON',
  'policy.json-at': (p: { line: number; column: number; problem: string }) =>
    `line ${p.line}, column ${p.column}: ${p.problem}`,
  'policy.json-expected': (p: { expected: string; found: string }) =>
    `expected ${p.expected} but found ${p.found}`,
  'policy.json-found-end': 'the end of the file',
  'policy.json-a-value': 'a value',
  'policy.json-nothing-more': 'nothing more after the end of the JSON',
  'policy.json-another-property': 'another property (remove the trailing comma)',
  'policy.json-another-value': 'another value (remove the trailing comma)',
  'policy.json-property-name': 'a property name in double quotes',
  'policy.json-comma-or-brace': "',' or '}'",
  'policy.json-comma-or-bracket': "',' or ']'",
  'policy.json-bad-escape': 'invalid escape in a string',
  'policy.json-control-in-string': 'line break or control character inside a string (missing closing quote?)',
  'policy.json-unclosed-string': 'a string is missing its closing quote',
  'policy.unknown-keys': (p: { keys: string }) => `unknown key ${p.keys}`,
  'policy.value': (p: { key: string; problem: string }) => `"${p.key}": ${p.problem}`,
  'policy.domain-invalid': 'Use a domain name like pbx.example.com.',
  'policy.region-invalid': 'Use a two-letter country code like SE.',
  'policy.pickup-code-invalid': 'Use up to 8 digits, * or #.',
  'policy.available-not-hidden': 'Available cannot be hidden.',
  'policy.unreadable': (p: { code: string }) => `it could not be read${p.code ? ` (${p.code})` : ''}`,
  'policy.problems': (p: { first: string; next: string }) =>
    `${String(p.first).replace(/\.$/, '')}; ${p.next}`,
  'policy.profile-unreadable': 'the managed preferences could not be read as a property list',
  'policy.not-protected': (p: { problem: string }) => `it is not protected: ${p.problem}`,
  'policy.owner-not-root': (p: { path: string; uid: number }) =>
    `${p.path} is owned by user ${p.uid}, not by root`,
  'policy.writable-by-users': (p: { path: string; mode: string }) =>
    `${p.path} can be changed by users other than root (mode ${p.mode})`,
  'policy.acl-unreadable': (p: { path: string }) => `the permissions of ${p.path} could not be read`,
  'policy.writable-by': (p: { path: string; writers: string }) =>
    `${p.path} can be changed by ${p.writers}, who are not administrators`,
  'policy.permissions-unreadable': (p: { code: string }) => `its permissions could not be read (${p.code})`,
}
