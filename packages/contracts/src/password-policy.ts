/**
 * The password policy, shared by server and web (issue 8, item 5): at least 10 characters with letters and
 * digits; not a common password; not built only of predictable parts. A password is first lower-cased and
 * its leetspeak undone; then the predictable parts are taken out — the username and the person's name,
 * common passwords and words, years (19xx/20xx), keyboard walks and alphabetic or numeric runs of 3 or more,
 * a character repeated 3 times or more, and every non-alphanumeric character. What remains must hold at
 * least 4 characters: `password1`, `Admin123`, `Qwerty2026!`, `aaaaaaa111`, `Zhangsan2026` (for zhangsan)
 * are refused, `Bangfu-demo-2026` passes.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Characters that must remain once the predictable parts are removed. */
const MIN_RESIDUAL = 4;

/** The most common passwords (leaked-password lists, international and Chinese), normalised. */
const COMMON_PASSWORDS = [
  '123456',
  '123456789',
  '12345678',
  '1234567890',
  '111111',
  '000000',
  '123123',
  '654321',
  '666666',
  '888888',
  '5201314',
  '1314520',
  '7758521',
  '147258369',
  '159357',
  '112233',
  'a123456',
  'a123456789',
  'qq123456',
  'abc123',
  'abc123456',
  'aa123456',
  '123456a',
  '123456aa',
  'woaini',
  'woaini1314',
  'woaini520',
  'iloveyou',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwerty',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qwe123',
  '123qwe',
  'zxcvbnm',
  'asdfghjkl',
  'admin',
  'admin123',
  'administrator',
  'root',
  'welcome',
  'welcome1',
  'letmein',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'batman',
  'trustno1',
  'shadow',
  'michael',
  'charlie',
  'jennifer',
  'hello',
  'hello123',
  'changeme',
  'default',
  'test123',
  'guest',
  'login',
  'starwars',
  'whatever',
  'zhangwei',
  'wangwei',
  'liwei',
  'woaiwojia',
  'zhongguo',
  'china',
  'beijing',
  'gonghui',
  'bangfu123',
];

/** Words taken out wherever they appear (length ≥ 4, so ordinary words in a passphrase survive). */
const COMMON_WORDS = [
  'password',
  'passwd',
  'passw0rd',
  'admin',
  'administrator',
  'qwerty',
  'iloveyou',
  'woaini',
  'welcome',
  'letmein',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'batman',
  'trustno',
  'shadow',
  'changeme',
  'default',
  'guest',
  'login',
  'hello',
  'root',
  'test',
  'user',
  'secret',
  '1qaz',
  '2wsx',
  '3edc',
  '1q2w',
  '3e4r',
  '5201314',
  '1314',
  '7758521',
  'zhongguo',
  'china',
  'gonghui',
];

/** Keyboard rows and runs; a walk of 3 or more along one of these (either way) is predictable. */
const RUNS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', '0987654321', 'abcdefghijklmnopqrstuvwxyz'];

const LEET: Record<string, string> = { '@': 'a', $: 's', '0': 'o', '3': 'e', '!': 'i', '4': 'a', '5': 's' };

const normalise = (s: string) => s.toLowerCase().normalize('NFKC');
const unleet = (s: string) => s.replace(/[@$0-9!]/g, (c) => LEET[c] ?? c);
const alnum = (s: string) => s.replace(/[^a-z0-9]/g, '');

function isRun(s: string): boolean {
  return RUNS.some((r) => r.includes(s) || [...r].reverse().join('').includes(s));
}

/** Remove keyboard walks and runs of 3+ characters, longest first, greedily from the left. */
function removeRuns(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    let j = s.length;
    while (j - i >= 3 && !isRun(s.slice(i, j))) j--;
    if (j - i >= 3) i = j;
    else out += s[i++];
  }
  return out;
}

function removeWords(s: string, words: readonly string[]): string {
  let out = s;
  for (const w of [...words].sort((a, b) => b.length - a.length)) if (w.length >= 3) out = out.split(w).join('');
  return out;
}

/** What is left of a password once its predictable parts are taken out (see the module comment). */
export function passwordResidual(password: string, names: readonly string[] = []): string {
  const lower = normalise(password);
  const people = names.map((n) => alnum(normalise(n))).filter((n) => n.length >= 3);
  const strip = (s: string) => {
    let r = removeWords(s, people);
    r = r.replace(/(19|20)\d\d/g, '');
    r = alnum(r);
    r = removeWords(r, COMMON_WORDS);
    r = r.replace(/(.)\1{2,}/g, '');
    return removeRuns(r);
  };
  // Leetspeak is undone on a second pass, so both `p@ssw0rd` and `Bangfu-2026` are read fairly.
  const plain = strip(lower);
  const unleeted = strip(unleet(lower.replace(/(19|20)\d\d/g, ' ')));
  return plain.length <= unleeted.length ? plain : unleeted;
}

/** The password policy, shared by server and web. An empty list means the password is acceptable. */
export function passwordProblems(password: string, username?: string, displayName?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/[A-Za-z]/.test(password)) problems.push('no_letter');
  if (!/\d/.test(password)) problems.push('no_digit');
  const lower = normalise(password);
  if (username && username.length >= 3 && lower.includes(normalise(username))) problems.push('contains_username');
  const name = displayName ? alnum(normalise(displayName)) : '';
  if (name.length >= 3 && alnum(lower).includes(name)) problems.push('contains_name');
  const bare = alnum(lower);
  if (COMMON_PASSWORDS.includes(bare) || COMMON_PASSWORDS.includes(alnum(unleet(lower)))) problems.push('common');
  else if (passwordResidual(password, [username ?? '', displayName ?? '']).length < MIN_RESIDUAL)
    problems.push('predictable');
  return problems;
}
