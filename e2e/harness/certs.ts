import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The host name the test PBX serves wss:// on (mapped to 127.0.0.1 in the test browser). */
export const TLS_HOST = 'pbx.parley.test'

/** Server certificates the test bed offers, one wss:// listener each. */
export type CertificateKind = 'trusted' | 'self-signed' | 'expired' | 'wrong-host'
export const certificateKinds: readonly CertificateKind[] = [
  'trusted',
  'self-signed',
  'expired',
  'wrong-host',
]

export interface TestCertificates {
  dir: string
  /** The test CA's certificate (PEM): what the test browser trusts. */
  caFile: string
  files: Record<CertificateKind, { cert: string; key: string }>
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' })
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']

/**
 * A test CA and server certificates made at run time with openssl (nothing secret is kept in
 * the repository): `trusted` for TLS_HOST signed by the CA, `expired` the same but out of date,
 * `wrong-host` signed by the CA for another name, `self-signed` for TLS_HOST with no CA.
 */
export function makeTestCertificates(dir: string): TestCertificates {
  mkdirSync(dir, { recursive: true })
  openssl(
    [
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=Parley Test CA',
    ],
    dir,
  )
  // `openssl ca` is the one openssl 3.0 command that takes explicit validity dates.
  writeFileSync(join(dir, 'index.txt'), '')
  writeFileSync(join(dir, 'serial'), '1000\n')
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir',
      'certificate = $dir/ca.crt',
      'private_key = $dir/ca.key',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  )
  const sign = (name: string, host: string, dates: string[]) => {
    openssl(
      ['req', '-new', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${host}`],
      dir,
    )
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName = DNS:${host}\nextendedKeyUsage = serverAuth\n`)
    openssl(
      ['ca', '-batch', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.crt`, '-notext'].concat(
        ['-extfile', `${name}.ext`],
        dates,
      ),
      dir,
    )
  }
  sign('trusted', TLS_HOST, ['-days', '2'])
  sign('expired', TLS_HOST, ['-startdate', '20240101000000Z', '-enddate', '20240201000000Z'])
  sign('wrong-host', 'other.example', ['-days', '2'])
  openssl(
    [
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      'self-signed.key',
      '-out',
      'self-signed.crt',
      '-days',
      '2',
      '-subj',
      `/CN=${TLS_HOST}`,
      '-addext',
      `subjectAltName = DNS:${TLS_HOST}`,
    ],
    dir,
  )
  const files = Object.fromEntries(
    certificateKinds.map((kind) => [kind, { cert: join(dir, `${kind}.crt`), key: join(dir, `${kind}.key`) }]),
  ) as TestCertificates['files']
  return { dir, caFile: join(dir, 'ca.crt'), files }
}

/** Kamailio's tls.cfg: one server profile per wss:// listener, each with its certificate. */
export function kamailioTlsConfig(certs: TestCertificates, ports: Record<CertificateKind, number>): string {
  // The default profiles must load too (Kamailio refuses to start otherwise): the trusted pair.
  const profiles: Array<[string, CertificateKind]> = [
    ['server:default', 'trusted'],
    ['client:default', 'trusted'],
    ...certificateKinds.map((kind): [string, CertificateKind] => [`server:127.0.0.1:${ports[kind]}`, kind]),
  ]
  return profiles
    .map(([profile, kind]) =>
      [
        `[${profile}]`,
        'method = TLSv1.2+',
        'verify_certificate = no',
        'require_certificate = no',
        `certificate = ${certs.files[kind].cert}`,
        `private_key = ${certs.files[kind].key}`,
        '',
      ].join('\n'),
    )
    .join('\n')
}

/**
 * A per-profile NSS database (what Chromium on Linux reads from $HOME/.pki/nssdb) that trusts
 * the test CA, so the browser checks the PBX's certificate for real: no override flag.
 */
export function trustingHome(home: string, caFile: string): string {
  const db = join(home, '.pki', 'nssdb')
  mkdirSync(db, { recursive: true })
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'], { stdio: 'pipe' })
  execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'Parley Test CA', '-t', 'C,,', '-i', caFile], {
    stdio: 'pipe',
  })
  return home
}
