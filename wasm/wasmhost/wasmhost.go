// Package wasmhost runs piiguard's WebAssembly module (wasm/piiguard.wasm,
// built by `make wasm`) with wazero, behind the same API shape as the
// native piiguard package: Compile a configuration into a Scanner, then
// Scan and Mask. It exists to check the module against the native build
// and to serve Go programs that want the detector sandboxed; other
// languages use wasm/js and wasm/python, or their own host (wasm/ABI.md).
//
// The module is loaded from a file, not embedded, so that the Go packages
// build and test without it: FindModule looks for it, and Load compiles it
// once per Module, with wazero's compilation cache on disk so that the
// next process starts fast. A Scanner keeps a pool of module instances,
// each with the configuration compiled in it, and is safe for concurrent
// use. Every call takes a context: when it is done, the running call stops
// and its instance is discarded.
package wasmhost

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/pii"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// Finding is one sensitive value found in a text, as in the native API.
// Score has the precision of the ABI's fixed-point encoding (1e-6).
type Finding = pii.Finding

// ABI versions this host supports: major ABIMajor, minor at least ABIMinor
// (1.0). The ABI 1.1 features (Config.Key, Config.Style,
// Config.ResourceArn, MaskJSON, Audit, Unmask) need a 1.1 module; with a
// 1.0 module they fail with CodeUnsupported.
const (
	ABIMajor = abi.VersionMajor
	ABIMinor = 0
)

// Config chooses what a Scanner looks for. It is the JSON configuration
// of piiguard_compile (wasm/ABI.md, "Configuration"), one field per
// member, as Go values (JSON encodes it), plus the key, which is passed
// apart. The guest maps that document onto piiguard.Config, so each field
// means what the piiguard.Config field of the same name means (Style sets
// its Masker).
type Config struct {
	// Identifiers ("identifiers") names managed identifiers
	// ("EmailAddress", "Ssn-US"). Empty means every CloudWatch managed
	// identifier piiguard implements.
	Identifiers []string
	// Custom ("custom") adds custom identifiers (a name and a regex, with
	// CloudWatch's rules).
	Custom []Custom
	// Policy ("policy") is a CloudWatch Logs data protection policy
	// document (JSON text), with or without piiguard's extensions, as
	// piiguard.ParsePolicy takes it. It chooses the identifiers (then
	// Identifiers and Custom must be empty) and applies its extensions, as
	// piiguard.Config.Policy does; mask styles that need a key (hash,
	// token) are CodeUnsupported without Key.
	Policy []byte
	// MinScore ("min_score") drops findings scoring below it.
	MinScore float64
	// Style ("style", ABI 1.1) masks every identifier with one style,
	// named as mask.ParseStyle reads it: "asterisk", "fixed", "partial"
	// (the last 4 characters kept), "placeholder", "redact", "hash" or
	// "token" (these two need Key). It overrides a policy's mask styles;
	// empty means CloudWatch's asterisks, or the policy's styles.
	Style string
	// ResourceArn ("resource_arn", ABI 1.1) is the log group ARN written
	// in audit reports.
	ResourceArn string
	// Key (ABI 1.1) is the key of the hash and token styles (Style's or a
	// policy's) and of Unmask: at least 32 bytes of secret random key
	// material (see mask.LoadKey). It is given to the module once per
	// instance, never in the JSON configuration, and never appears in
	// errors. The Scanner keeps a copy until Close, to compile itself in
	// new instances.
	Key []byte
}

// Custom is a custom identifier.
type Custom struct {
	Name  string `json:"name"`
	Regex string `json:"regex"`
}

// JSON returns the configuration as piiguard_compile takes it (without
// the key, which is passed apart): Policy is written as a JSON string
// holding the document's text.
func (c Config) JSON() ([]byte, error) {
	w := abi.Config{Identifiers: c.Identifiers, MinScore: c.MinScore, Style: c.Style, ResourceArn: c.ResourceArn}
	for _, cu := range c.Custom {
		w.Custom = append(w.Custom, abi.Custom(cu))
	}
	if c.Policy != nil {
		p, err := json.Marshal(string(c.Policy))
		if err != nil {
			return nil, err
		}
		w.Policy = p
	}
	return json.Marshal(w)
}

// Error codes of the ABI, as Error.Code.
const (
	CodeInternal    = abi.ErrInternal
	CodeArgument    = abi.ErrArgument
	CodePointer     = abi.ErrPointer
	CodeHandle      = abi.ErrHandle
	CodeConfig      = abi.ErrConfig
	CodePolicy      = abi.ErrPolicy
	CodeUnsupported = abi.ErrUnsupported
	CodeKey         = abi.ErrKey   // ABI 1.1: the key is unusable
	CodeJSON        = abi.ErrJSON  // ABI 1.1: MaskJSON's text is not one JSON value
	CodeToken       = abi.ErrToken // ABI 1.1: Unmask met a token it cannot open
)

// Error is an error the module reported.
type Error struct {
	Code    int32  // one of the Code constants
	Message string // the module's message
}

func (e *Error) Error() string {
	return fmt.Sprintf("piiguard wasm: %s: %s", abi.CodeName(e.Code), e.Message)
}

// Errors of the host.
var (
	// ErrModuleNotFound is returned by FindModule.
	ErrModuleNotFound = errors.New("wasmhost: wasm/piiguard.wasm not found (build it with `make wasm`, or set " + ModulePathEnv + ")")
	// ErrClosed is returned by calls on a closed Scanner or Module.
	ErrClosed = errors.New("wasmhost: closed")
)

// ModulePathEnv is the environment variable FindModule reads first.
const ModulePathEnv = "PIIGUARD_WASM"

// FindModule returns the path of the module: $PIIGUARD_WASM when set,
// else wasm/piiguard.wasm in the working directory or the nearest parent
// that has one, else piiguard.wasm beside the executable.
func FindModule() (string, error) {
	if p := os.Getenv(ModulePathEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("wasmhost: %s: %w", ModulePathEnv, err)
		}
		return p, nil
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			p := filepath.Join(dir, "wasm", "piiguard.wasm")
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p, nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "piiguard.wasm")
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", ErrModuleNotFound
}

// DefaultCacheDir returns the directory of the compilation cache:
// piiguard/wazero under the user's cache directory (os.UserCacheDir), or
// under the temporary directory when there is none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "piiguard", "wazero")
}

// Options tune a Module. The zero value is the default.
type Options struct {
	// CacheDir is the directory of wazero's compilation cache; "" means
	// DefaultCacheDir().
	CacheDir string
	// NoCache compiles the module without a cache.
	NoCache bool
	// Interrupt compiles the module with wazero's WithCloseOnContextDone,
	// so that a call stops as soon as its context is done, even in the
	// middle of a long input. It makes calls about 6 times slower (wazero
	// checks for termination at every loop header, and Go's WebAssembly
	// code loops through a dispatcher in every function; each call also
	// starts a goroutine that watches the context), so it is off by
	// default: a context is then checked before each call into the module,
	// not during it, and a call runs to its end. To bound the time past a
	// deadline without it, bound the input of each call (scan a log line
	// by line, or a long text in pieces).
	Interrupt bool
	// MaxInstances bounds the module instances each Scanner runs at once,
	// and so its concurrency and memory (each instance holds a Go heap
	// with the compiled configuration); 0 means GOMAXPROCS. An instance
	// whose memory a call grew past 128 MiB (a text of a few megabytes
	// with many findings, or larger) is discarded after the call, since
	// linear memory never shrinks: the next call compiles a new one.
	MaxInstances int
}

// Module is the compiled WebAssembly module, from which Scanners are
// compiled. It is safe for concurrent use.
type Module struct {
	rt        wazero.Runtime
	compiled  wazero.CompiledModule
	cache     wazero.CompilationCache
	max       int
	interrupt bool // WithCloseOnContextDone

	minor int // the module's ABI minor version

	mu     sync.Mutex
	spare  *instance // an initialized instance not yet used by a Scanner
	closed bool

	// active is held for reading by every call into the module's
	// instances (enter), for writing by Close, which so waits for the
	// calls in progress before it frees their memory.
	active sync.RWMutex
}

// enter starts a call into the module's instances; it returns false,
// holding nothing, when the module is closed. Otherwise the caller must
// call m.active.RUnlock when done.
func (m *Module) enter() bool {
	m.active.RLock()
	m.mu.Lock()
	closed := m.closed
	m.mu.Unlock()
	if closed {
		m.active.RUnlock()
		return false
	}
	return true
}

// ABIVersion returns the module's ABI version.
func (m *Module) ABIVersion() (major, minor int) { return ABIMajor, m.minor }

// Load compiles the module at path.
func Load(ctx context.Context, path string, opts Options) (*Module, error) {
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wasmhost: %w", err)
	}
	return LoadBytes(ctx, wasm, opts)
}

// LoadBytes compiles the module from its bytes.
func LoadBytes(ctx context.Context, wasm []byte, opts Options) (*Module, error) {
	m := &Module{max: opts.MaxInstances}
	if m.max <= 0 {
		m.max = runtime.GOMAXPROCS(0)
	}
	m.interrupt = opts.Interrupt
	rc := wazero.NewRuntimeConfig().WithCloseOnContextDone(m.interrupt)
	if !opts.NoCache {
		dir := opts.CacheDir
		if dir == "" {
			dir = DefaultCacheDir()
		}
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			return nil, fmt.Errorf("wasmhost: compilation cache: %w", err)
		}
		m.cache = cache
		rc = rc.WithCompilationCache(cache)
	}
	m.rt = wazero.NewRuntimeWithConfig(ctx, rc)
	fail := func(err error) (*Module, error) {
		m.Close(ctx)
		return nil, err
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, m.rt); err != nil {
		return fail(fmt.Errorf("wasmhost: WASI: %w", err))
	}
	compiled, err := m.rt.CompileModule(ctx, wasm)
	if err != nil {
		return fail(fmt.Errorf("wasmhost: compiling the module: %w", err))
	}
	m.compiled = compiled
	for i, name := range exportNames {
		if _, ok := compiled.ExportedFunctions()[name]; !ok && i < firstABI11 {
			return fail(fmt.Errorf("wasmhost: the module does not export %s: not a piiguard module", name))
		}
	}
	in, err := m.instantiate(ctx)
	if err != nil {
		return fail(err)
	}
	v, err := in.call(ctx, fnVersion)
	if err != nil {
		in.close(ctx)
		return fail(err)
	}
	if major, minor := uint32(v)>>16, uint32(v)&0xffff; major != ABIMajor || minor < ABIMinor {
		in.close(ctx)
		return fail(fmt.Errorf("wasmhost: module ABI version %d.%d, this host needs %d.%d or a later %d.x", major, minor, ABIMajor, ABIMinor, ABIMajor))
	}
	m.minor = int(uint32(v) & 0xffff)
	for i, name := range exportNames {
		if in.fns[i] == nil && exportMinor(i) <= m.minor {
			in.close(ctx)
			return fail(fmt.Errorf("wasmhost: the module (ABI %d.%d) does not export %s", ABIMajor, m.minor, name))
		}
	}
	m.spare = in
	return m, nil
}

// Close releases the module and every instance of its Scanners, which
// stop working: it waits for the calls in progress, and later calls fail
// with ErrClosed.
func (m *Module) Close(ctx context.Context) error {
	m.active.Lock()
	m.mu.Lock()
	m.closed = true
	m.spare = nil
	m.mu.Unlock()
	m.active.Unlock()
	err := m.rt.Close(ctx)
	if m.cache != nil {
		if cerr := m.cache.Close(ctx); err == nil {
			err = cerr
		}
	}
	return err
}

// takeInstance returns the spare instance or a new one.
func (m *Module) takeInstance(ctx context.Context) (*instance, error) {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil, ErrClosed
	}
	in := m.spare
	m.spare = nil
	m.mu.Unlock()
	if in != nil {
		return in, nil
	}
	return m.instantiate(ctx)
}

var defaultModule struct {
	once sync.Once
	m    *Module
	err  error
}

// Default returns the process's shared Module, loaded once from
// FindModule() with default options.
func Default(ctx context.Context) (*Module, error) {
	d := &defaultModule
	d.once.Do(func() {
		path, err := FindModule()
		if err != nil {
			d.err = err
			return
		}
		d.m, d.err = Load(context.WithoutCancel(ctx), path, Options{})
	})
	return d.m, d.err
}

// Compile compiles cfg with the Default module.
func Compile(ctx context.Context, cfg Config) (*Scanner, error) {
	m, err := Default(ctx)
	if err != nil {
		return nil, err
	}
	return m.Compile(ctx, cfg)
}

// Compile compiles a Scanner. It reports invalid configurations (unknown
// identifiers, invalid custom identifiers or policy) as an *Error.
func (m *Module) Compile(ctx context.Context, cfg Config) (*Scanner, error) {
	data, err := cfg.JSON()
	if err != nil {
		return nil, fmt.Errorf("wasmhost: %w", err)
	}
	return m.compile(ctx, data, cfg.Key)
}

// CompileJSON compiles a Scanner from a JSON configuration as
// piiguard_compile takes it (wasm/ABI.md).
func (m *Module) CompileJSON(ctx context.Context, config []byte) (*Scanner, error) {
	return m.compile(ctx, config, nil)
}

func (m *Module) compile(ctx context.Context, config, key []byte) (*Scanner, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !m.enter() {
		return nil, ErrClosed
	}
	defer m.active.RUnlock()
	if len(key) > 0 && m.minor < 1 {
		return nil, &Error{Code: CodeUnsupported, Message: fmt.Sprintf("a key needs ABI 1.1; the module is 1.%d", m.minor)}
	}
	s := &Scanner{m: m, config: append([]byte(nil), config...), sem: make(chan struct{}, m.max)}
	if len(key) > 0 {
		s.key = append([]byte(nil), key...)
	}
	in, err := m.takeInstance(ctx)
	if err != nil {
		return nil, err
	}
	sl, err := s.newSlot(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := sl.in.callResult(ctx, fnIdentifiers, uint64(uint32(sl.handle))); err != nil {
		sl.in.close(ctx)
		return nil, err
	}
	buf, err := sl.in.result()
	if err == nil {
		s.idents, err = abi.DecodeIdentifiers(buf)
	}
	if err != nil {
		sl.in.close(ctx)
		return nil, fmt.Errorf("wasmhost: identifiers: %w", err)
	}
	s.names = make([]string, len(s.idents))
	for i, id := range s.idents {
		s.names[i] = id.Name
	}
	s.idle = append(s.idle, sl)
	return s, nil
}

// Scanner finds and masks sensitive values with the module. It is safe for
// concurrent use: each call takes an instance from its pool.
type Scanner struct {
	m      *Module
	config []byte
	key    []byte // nil: none
	idents []abi.Identifier
	names  []string
	sem    chan struct{}

	mu     sync.Mutex
	idle   []*slot
	closed bool

	// keyMu guards the key against Close while newSlot compiles with it:
	// newSlot holds it for reading, Close for writing to clear the key.
	keyMu      sync.RWMutex
	keyCleared bool
}

// slot is an instance with the Scanner's configuration compiled in it.
type slot struct {
	in     *instance
	handle int32
}

// newSlot compiles the configuration in in; it closes in on failure, and
// fails with ErrClosed once Close has cleared the key.
func (s *Scanner) newSlot(ctx context.Context, in *instance) (*slot, error) {
	s.keyMu.RLock()
	defer s.keyMu.RUnlock()
	if s.keyCleared {
		in.close(ctx)
		return nil, ErrClosed
	}
	ptr, n, err := in.put(ctx, s.config)
	if err == nil {
		var h uint64
		if s.key == nil {
			h, err = in.call(ctx, fnCompile, uint64(ptr), uint64(n))
		} else {
			h, err = in.compileKeyed(ctx, ptr, n, s.key)
		}
		if err == nil {
			if code := int32(uint32(h)); code < 0 {
				err = in.lastError(ctx, code)
			} else {
				return &slot{in: in, handle: code}, nil
			}
		}
	}
	in.close(ctx)
	return nil, err
}

// Identifiers returns the names of the identifiers the Scanner looks for.
func (s *Scanner) Identifiers() []string { return append([]string(nil), s.names...) }

// acquire takes an instance from the pool, or makes one.
func (s *Scanner) acquire(ctx context.Context) (*slot, error) {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		<-s.sem
		return nil, ErrClosed
	}
	if n := len(s.idle); n > 0 {
		sl := s.idle[n-1]
		s.idle = s.idle[:n-1]
		s.mu.Unlock()
		return sl, nil
	}
	s.mu.Unlock()
	in, err := s.m.takeInstance(ctx)
	if err == nil {
		var sl *slot
		if sl, err = s.newSlot(ctx, in); err == nil {
			return sl, nil
		}
	}
	<-s.sem
	return nil, err
}

// release returns sl to the pool, or closes its instance when the call
// failed in a way that may have left it unusable or the Scanner is closed.
func (s *Scanner) release(ctx context.Context, sl *slot, keep bool) {
	s.mu.Lock()
	if keep && !s.closed {
		s.idle = append(s.idle, sl)
		s.mu.Unlock()
	} else {
		s.mu.Unlock()
		sl.in.close(context.WithoutCancel(ctx))
	}
	<-s.sem
}

// with runs fn on an instance of the pool.
func (s *Scanner) with(ctx context.Context, fn func(*slot) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !s.m.enter() {
		return ErrClosed
	}
	defer s.m.active.RUnlock()
	sl, err := s.acquire(ctx)
	if err != nil {
		return err
	}
	err = fn(sl)
	var e *Error
	// Errors the module reported leave the instance usable, except
	// internal errors (a recovered panic). An instance a large call grew
	// is discarded, its memory with it.
	keep := err == nil || errors.As(err, &e) && e.Code != CodeInternal
	keep = keep && sl.in.mem.Size() <= maxIdleMemory
	s.release(ctx, sl, keep)
	return err
}

// Scan returns the findings in text, sorted by Start. Findings of different
// spans do not overlap; several identifiers may report the same span.
func (s *Scanner) Scan(ctx context.Context, text []byte) ([]Finding, error) {
	return s.AppendFindings(ctx, nil, text)
}

// ScanString is Scan for a string.
func (s *Scanner) ScanString(ctx context.Context, text string) ([]Finding, error) {
	return s.Scan(ctx, []byte(text))
}

// AppendFindings appends the findings in text to dst.
func (s *Scanner) AppendFindings(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	err := s.with(ctx, func(sl *slot) error {
		if err := sl.in.callText(ctx, fnScan, sl.handle, text); err != nil {
			return err
		}
		buf, err := sl.in.result()
		if err != nil {
			return err
		}
		var derr error
		err = abi.DecodeFindings(buf, func(r abi.Record) {
			var f Finding
			if f, derr = s.finding(r, derr); derr == nil {
				dst = append(dst, f)
			}
		})
		if err == nil {
			err = derr
		}
		if err != nil {
			return fmt.Errorf("wasmhost: scan result: %w", err)
		}
		return nil
	})
	return dst, err
}

// finding decodes a finding record; it returns err when it is not nil
// (the first error of a result is kept).
func (s *Scanner) finding(r abi.Record, err error) (Finding, error) {
	if err != nil {
		return Finding{}, err
	}
	if int(r.Ident) >= len(s.idents) {
		return Finding{}, fmt.Errorf("wasmhost: finding of identifier %d of %d", r.Ident, len(s.idents))
	}
	id := &s.idents[r.Ident]
	f := Finding{Identifier: id.Name, Start: int(r.Start), End: int(r.End), Score: abi.FixedToScore(r.Score)}
	if r.Keyword != abi.NoKeyword {
		if int(r.Keyword) >= len(id.Keywords) {
			return Finding{}, fmt.Errorf("wasmhost: finding of %s with keyword %d of %d", id.Name, r.Keyword, len(id.Keywords))
		}
		f.Keyword = id.Keywords[r.Keyword]
	}
	return f, nil
}

// ScanBatch returns the findings of each record (a log event, a line), as
// Scan returns them for the record alone (offsets into the record), in
// one call into the module: a caller with many small records saves the
// cost of a call each (ABI 1.2; with an older module it calls Scan for
// each record). The records together must fit in an input buffer (1 GiB
// with their 4-byte lengths); a caller with more passes them in several
// batches.
func (s *Scanner) ScanBatch(ctx context.Context, records [][]byte) ([][]Finding, error) {
	out := make([][]Finding, len(records))
	if s.m.minor < 2 {
		for i, r := range records {
			f, err := s.Scan(ctx, r)
			if err != nil {
				return nil, err
			}
			out[i] = f
		}
		return out, nil
	}
	err := s.with(ctx, func(sl *slot) error {
		ptr, n, err := sl.in.putBatch(ctx, records)
		if err != nil {
			return err
		}
		if err := sl.in.callResult(ctx, fnScanBatch, uint64(uint32(sl.handle)), uint64(ptr), uint64(n)); err != nil {
			return err
		}
		buf, err := sl.in.result()
		if err != nil {
			return err
		}
		var derr error
		err = abi.DecodeBatchFindings(buf, len(records), func(i int, r abi.Record) {
			var f Finding
			if f, derr = s.finding(r, derr); derr == nil {
				out[i] = append(out[i], f)
			}
		})
		if err == nil {
			err = derr
		}
		if err != nil {
			return fmt.Errorf("wasmhost: scan batch result: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MaskBatch returns each record masked, as Mask returns it for the record
// alone, in one call into the module (ABI 1.2; with an older module it
// calls Mask for each record). The masked records share one allocation;
// each is a slice of capacity its length.
func (s *Scanner) MaskBatch(ctx context.Context, records [][]byte) ([][]byte, error) {
	out := make([][]byte, len(records))
	if s.m.minor < 2 {
		for i, r := range records {
			m, err := s.Mask(ctx, r)
			if err != nil {
				return nil, err
			}
			out[i] = m
		}
		return out, nil
	}
	err := s.with(ctx, func(sl *slot) error {
		ptr, n, err := sl.in.putBatch(ctx, records)
		if err != nil {
			return err
		}
		if err := sl.in.callResult(ctx, fnMaskBatch, uint64(uint32(sl.handle)), uint64(ptr), uint64(n)); err != nil {
			return err
		}
		buf, err := sl.in.result()
		if err != nil {
			return err
		}
		b, err := abi.ParseBatch(buf)
		if err == nil && b.Len() != len(records) {
			err = fmt.Errorf("%w: %d masked records for a batch of %d", abi.ErrMalformed, b.Len(), len(records))
		}
		if err != nil {
			return fmt.Errorf("wasmhost: mask batch result: %w", err)
		}
		data := make([]byte, 0, len(buf)-abi.BatchHeaderSize-4*len(records))
		for i := range out {
			start := len(data)
			data = append(data, b.Record(i)...)
			out[i] = data[start:len(data):len(data)]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Mask returns text with every finding masked with asterisks, as the
// native Scanner.Mask does.
func (s *Scanner) Mask(ctx context.Context, text []byte) ([]byte, error) {
	return s.AppendMask(ctx, make([]byte, 0, len(text)), text)
}

// MaskString is Mask for a string.
func (s *Scanner) MaskString(ctx context.Context, text string) (string, error) {
	b, err := s.Mask(ctx, []byte(text))
	return string(b), err
}

// AppendMask appends text, masked, to dst.
func (s *Scanner) AppendMask(ctx context.Context, dst, text []byte) ([]byte, error) {
	err := s.with(ctx, func(sl *slot) error {
		if err := sl.in.callText(ctx, fnMask, sl.handle, text); err != nil {
			return err
		}
		buf, err := sl.in.result()
		if err != nil {
			return err
		}
		dst = append(dst, buf...)
		return nil
	})
	return dst, err
}

// MaskJSON (ABI 1.1) masks one JSON event, an object or an array: string
// values and member names, keeping it valid JSON, field names counting as
// keywords, as the native mask.JSON does. Text that is not JSON is an
// *Error with CodeJSON.
func (s *Scanner) MaskJSON(ctx context.Context, event []byte) ([]byte, error) {
	var out []byte
	err := s.call11(ctx, fnMaskJSON, event, func(b []byte) error {
		out = append(make([]byte, 0, len(b)), b...)
		return nil
	})
	return out, err
}

// Audit (ABI 1.1) returns the findings report of one log event, as the
// native Scanner.Audit makes it (character offsets), or nil when the event
// holds no finding.
func (s *Scanner) Audit(ctx context.Context, event []byte) (*audit.Report, error) {
	var r *audit.Report
	err := s.call11(ctx, fnAudit, event, func(b []byte) error {
		if len(b) == 0 {
			return nil
		}
		r = new(audit.Report)
		if err := json.Unmarshal(b, r); err != nil {
			return fmt.Errorf("wasmhost: audit report: %w", err)
		}
		return nil
	})
	return r, err
}

// Unmask (ABI 1.1) restores the values of the tokens in text (Style
// "token" or a policy's token style), with Config.Key. A token it cannot
// open is an *Error with CodeToken that gives its byte offset, never
// bytes of the text.
func (s *Scanner) Unmask(ctx context.Context, text []byte) ([]byte, error) {
	var out []byte
	err := s.call11(ctx, fnUnmask, text, func(b []byte) error {
		out = append(make([]byte, 0, len(b)), b...)
		return nil
	})
	return out, err
}

// call11 calls an ABI 1.1 export on text and passes the result to fn.
func (s *Scanner) call11(ctx context.Context, fn int, text []byte, result func([]byte) error) error {
	if s.m.minor < 1 {
		return &Error{Code: CodeUnsupported, Message: fmt.Sprintf("%s needs ABI 1.1; the module is 1.%d", exportNames[fn], s.m.minor)}
	}
	return s.with(ctx, func(sl *slot) error {
		if err := sl.in.callText(ctx, fn, sl.handle, text); err != nil {
			return err
		}
		buf, err := sl.in.result()
		if err != nil {
			return err
		}
		return result(buf)
	})
}

// Close releases the Scanner's instances and clears its copy of the key.
// Calls in progress finish (Close waits for those compiling a new
// instance with the key); calls that have not yet compiled one fail with
// ErrClosed.
func (s *Scanner) Close() error {
	s.mu.Lock()
	idle := s.idle
	s.idle = nil
	s.closed = true
	s.mu.Unlock()
	s.keyMu.Lock()
	s.keyCleared = true
	clear(s.key)
	s.keyMu.Unlock()
	for _, sl := range idle {
		sl.in.close(context.Background())
	}
	return nil
}

// The exports the host calls, by index.
const (
	fnVersion = iota
	fnAlloc
	fnFree
	fnCompile
	fnClose
	fnIdentifiers
	fnScan
	fnMask
	fnResultPtr
	fnResultLen
	fnErrorCode
	fnErrorPtr
	fnErrorLen
	// ABI 1.1: absent from 1.0 modules.
	fnCompileKeyed
	fnMaskJSON
	fnAudit
	fnUnmask
	// ABI 1.2: absent from 1.0 and 1.1 modules.
	fnScanBatch
	fnMaskBatch
	numFns
)

// firstABI11 is the first export a 1.0 module lacks, firstABI12 the
// first a 1.1 module lacks.
const (
	firstABI11 = fnCompileKeyed
	firstABI12 = fnScanBatch
)

// exportMinor returns the ABI minor version that added export fn.
func exportMinor(fn int) int {
	switch {
	case fn >= firstABI12:
		return 2
	case fn >= firstABI11:
		return 1
	}
	return 0
}

var exportNames = [numFns]string{
	fnVersion:     "piiguard_abi_version",
	fnAlloc:       "piiguard_alloc",
	fnFree:        "piiguard_free",
	fnCompile:     "piiguard_compile",
	fnClose:       "piiguard_close",
	fnIdentifiers: "piiguard_identifiers",
	fnScan:        "piiguard_scan",
	fnMask:        "piiguard_mask",
	fnResultPtr:   "piiguard_result_ptr",
	fnResultLen:   "piiguard_result_len",
	fnErrorCode:   "piiguard_error_code",
	fnErrorPtr:    "piiguard_error_ptr",
	fnErrorLen:    "piiguard_error_len",

	fnCompileKeyed: "piiguard_compile_keyed",
	fnMaskJSON:     "piiguard_mask_json",
	fnAudit:        "piiguard_audit",
	fnUnmask:       "piiguard_unmask",

	fnScanBatch: "piiguard_scan_batch",
	fnMaskBatch: "piiguard_mask_batch",
}

// instance is one instance of the module, used by one goroutine at a time.
type instance struct {
	mod    api.Module
	mem    api.Memory
	fns    [numFns]api.Function
	stack  [4]uint64
	buf    uint32 // input buffer from piiguard_alloc, reused
	bufCap uint32
	stderr tail
}

// maxIdleMemory is the most linear memory an instance may hold to go back
// to its Scanner's pool after a call: linear memory never shrinks, and a
// call on tens of megabytes grows it to gigabytes.
const maxIdleMemory = 128 << 20

// minBuffer is the smallest input buffer an instance allocates.
const minBuffer = 64 << 10

func (m *Module) instantiate(ctx context.Context) (*instance, error) {
	in := &instance{}
	cfg := wazero.NewModuleConfig().
		WithName(""). // anonymous: many instances of one module
		WithStartFunctions("_initialize").
		WithSysWalltime().WithSysNanotime().
		WithRandSource(rand.Reader).
		WithStderr(&in.stderr)
	mod, err := m.rt.InstantiateModule(withMemoryAllocator(ctx), m.compiled, cfg)
	if err != nil {
		return nil, fmt.Errorf("wasmhost: instantiating the module: %w%s", err, in.stderr.suffix())
	}
	in.mod = mod
	in.mem = mod.Memory()
	if in.mem == nil {
		mod.Close(ctx)
		return nil, errors.New("wasmhost: the module exports no memory")
	}
	for i, name := range exportNames {
		in.fns[i] = mod.ExportedFunction(name)
	}
	return in, nil
}

func (in *instance) close(ctx context.Context) { in.mod.Close(ctx) }

// compileKeyed calls piiguard_compile_keyed with the configuration at
// [ptr, ptr+n) and key, which it copies into a buffer of its own and
// overwrites and frees after the call.
func (in *instance) compileKeyed(ctx context.Context, ptr, n uint32, key []byte) (uint64, error) {
	kp, err := in.call(ctx, fnAlloc, uint64(len(key)))
	if err != nil {
		return 0, err
	}
	if kp == 0 {
		return 0, in.lastError(ctx, abi.ErrArgument)
	}
	defer func() {
		in.mem.Write(uint32(kp), make([]byte, len(key)))
		in.call(ctx, fnFree, kp)
	}()
	if !in.mem.Write(uint32(kp), key) {
		return 0, fmt.Errorf("wasmhost: key buffer %#x outside memory", kp)
	}
	h, err := in.call(ctx, fnCompileKeyed, uint64(ptr), uint64(n), kp, uint64(len(key)))
	if err != nil {
		return 0, err
	}
	if code := int32(uint32(h)); code < 0 {
		// Read the error before the deferred free clears it.
		return h, in.lastError(ctx, code)
	}
	return h, nil
}

// call calls an export with up to 4 arguments and returns its result (0
// for none). A trap, an exit or a done context is an error.
func (in *instance) call(ctx context.Context, fn int, args ...uint64) (uint64, error) {
	st := in.stack[:max(len(args), 1)]
	copy(st, args)
	if err := in.fns[fn].CallWithStack(ctx, st); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return 0, fmt.Errorf("wasmhost: %s: %w", exportNames[fn], cerr)
		}
		return 0, fmt.Errorf("wasmhost: %s: %w%s", exportNames[fn], err, in.stderr.suffix())
	}
	return st[0], nil
}

// callResult calls an export that returns a status code.
func (in *instance) callResult(ctx context.Context, fn int, args ...uint64) error {
	r, err := in.call(ctx, fn, args...)
	if err != nil {
		return err
	}
	if code := int32(uint32(r)); code != abi.OK {
		return in.lastError(ctx, code)
	}
	return nil
}

// callText copies text into the instance and calls fn(handle, ptr, len).
func (in *instance) callText(ctx context.Context, fn int, handle int32, text []byte) error {
	ptr, n, err := in.put(ctx, text)
	if err != nil {
		return err
	}
	return in.callResult(ctx, fn, uint64(uint32(handle)), uint64(ptr), uint64(n))
}

// put copies data into the instance's input buffer, growing it as needed.
func (in *instance) put(ctx context.Context, data []byte) (ptr, n uint32, err error) {
	if len(data) == 0 {
		return 0, 0, nil
	}
	view, err := in.reserve(ctx, len(data))
	if err != nil {
		return 0, 0, err
	}
	copy(view, data)
	return in.buf, uint32(len(data)), nil
}

// putBatch writes the batch of records into the instance's input buffer.
func (in *instance) putBatch(ctx context.Context, records [][]byte) (ptr, n uint32, err error) {
	size := abi.BatchSize(records)
	view, err := in.reserve(ctx, size)
	if err != nil {
		return 0, 0, err
	}
	if b := abi.AppendBatch(view[:0:size], records); len(b) != size {
		return 0, 0, fmt.Errorf("wasmhost: batch of %d bytes, expected %d", len(b), size)
	}
	return in.buf, uint32(size), nil
}

// reserve grows the instance's input buffer to at least n bytes and
// returns a view of its first n bytes, valid until the next call.
func (in *instance) reserve(ctx context.Context, n int) ([]byte, error) {
	if uint64(n) > abi.MaxAlloc {
		return nil, &Error{Code: CodeArgument, Message: fmt.Sprintf("input of %d bytes is larger than %d", n, abi.MaxAlloc)}
	}
	if uint32(n) > in.bufCap {
		if in.buf != 0 {
			if err := in.callResult(ctx, fnFree, uint64(in.buf)); err != nil {
				return nil, err
			}
			in.buf, in.bufCap = 0, 0
		}
		size := uint32(minBuffer)
		for size < uint32(n) {
			size *= 2
		}
		size = min(size, abi.MaxAlloc)
		p, err := in.call(ctx, fnAlloc, uint64(size))
		if err != nil {
			return nil, err
		}
		if p == 0 {
			return nil, in.lastError(ctx, abi.ErrArgument)
		}
		in.buf, in.bufCap = uint32(p), size
	}
	view, ok := in.mem.Read(in.buf, uint32(n))
	if !ok {
		return nil, fmt.Errorf("wasmhost: buffer %#x+%d outside memory", in.buf, n)
	}
	return view, nil
}

// result returns a view of the result slot, valid until the next call.
func (in *instance) result() ([]byte, error) {
	ctx := context.Background()
	p, err := in.call(ctx, fnResultPtr)
	if err != nil {
		return nil, err
	}
	n, err := in.call(ctx, fnResultLen)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	b, ok := in.mem.Read(uint32(p), uint32(n))
	if !ok {
		return nil, fmt.Errorf("wasmhost: result %#x+%d outside memory", p, n)
	}
	return b, nil
}

// lastError returns the module's last error; code is what the call
// returned, used should the error state be missing.
func (in *instance) lastError(ctx context.Context, code int32) error {
	e := &Error{Code: code}
	if c, err := in.call(ctx, fnErrorCode); err == nil && int32(uint32(c)) != abi.OK {
		e.Code = int32(uint32(c))
	}
	p, err1 := in.call(ctx, fnErrorPtr)
	n, err2 := in.call(ctx, fnErrorLen)
	if err1 == nil && err2 == nil && n > 0 {
		if b, ok := in.mem.Read(uint32(p), uint32(n)); ok {
			e.Message = string(b)
		}
	}
	return e
}

// tail keeps the last bytes written to the instance's stderr (the Go
// runtime's message when it dies), for error messages.
type tail struct{ b []byte }

const tailMax = 2048

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > tailMax {
		t.b = append(t.b[:0], t.b[len(t.b)-tailMax:]...)
	}
	return len(p), nil
}

func (t *tail) suffix() string {
	if len(t.b) == 0 {
		return ""
	}
	return " (module stderr: " + string(t.b) + ")"
}
