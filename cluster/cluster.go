package cluster

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the JetStream objects the cluster uses.
const (
	Stream      = "TWINTRACK_DOCS"    // the work queue
	Subject     = "twintrack.docs"    // subject of the work queue's messages
	Consumer    = "twintrack-workers" // the durable consumer all workers share
	DeadStream  = "TWINTRACK_DEAD"    // dead letters
	DeadSubject = "twintrack.dead"    // subject workers publish dead letters to
	Bucket      = "twintrack_workers" // key-value bucket of worker heartbeats

	// advisorySubject is where the server announces a message that reached
	// MaxDeliver; the dead-letter stream captures it.
	advisorySubject = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + Stream + ".>"
)

// Headers of dead letters.
const (
	HeaderDocKey     = "Twintrack-Doc-Key"
	HeaderReason     = "Twintrack-Reason"
	HeaderWorker     = "Twintrack-Worker"
	HeaderDeliveries = "Twintrack-Deliveries"
	HeaderStreamSeq  = "Twintrack-Stream-Seq"
)

// HeartbeatTTL is how long a worker's heartbeat stays in the bucket.
const HeartbeatTTL = 30 * time.Second

// QueueConfig sets the limits of the work-queue stream. The zero value
// means the defaults.
type QueueConfig struct {
	// MaxMsgs and MaxBytes bound the queue; a publisher that meets the
	// limit waits (discard-new). Defaults: 100,000 messages, 1 GiB.
	MaxMsgs  int64
	MaxBytes int64
	// Duplicates is the window in which the server drops a second message
	// with the same document key. Default 10 minutes.
	Duplicates time.Duration
}

// ConsumerConfig sets the durable consumer's delivery rules. The zero
// value means the defaults.
type ConsumerConfig struct {
	// AckWait is how long a delivered message may go unacknowledged (and
	// without InProgress) before it is delivered again. Default 30 s.
	AckWait time.Duration
	// MaxDeliver is how many times a message is delivered at most.
	// Default 5.
	MaxDeliver int
	// MaxAckPending bounds the messages in flight over all workers.
	// Default 100,000 (each worker holds up to three batches).
	MaxAckPending int
}

func (q *QueueConfig) defaults() {
	if q.MaxMsgs <= 0 {
		q.MaxMsgs = 100_000
	}
	if q.MaxBytes <= 0 {
		q.MaxBytes = 1 << 30
	}
	if q.Duplicates <= 0 {
		q.Duplicates = 10 * time.Minute
	}
}

func (c *ConsumerConfig) defaults() {
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 100_000
	}
}

// Client is a connection to a NATS server with JetStream. It reconnects
// by itself when the server goes away, for as long as it is open.
type Client struct {
	nc *nats.Conn
	js jetstream.JetStream
}

// Connect connects to the NATS server at url (e.g. nats://127.0.0.1:4222).
// name identifies the connection in the server's monitoring. window is
// the number of asynchronous publishes that may await their
// acknowledgement (0: 256).
func Connect(ctx context.Context, url, name string, window int) (*Client, error) {
	if window <= 0 {
		window = 256
	}
	nc, err := nats.Connect(url,
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.Timeout(5*time.Second),
		// Errors are handled where the calls return them; the default
		// handlers would only print.
		nats.DisconnectErrHandler(func(*nats.Conn, error) {}),
	)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", url, err)
	}
	js, err := jetstream.New(nc,
		jetstream.WithPublishAsyncMaxPending(window),
		jetstream.WithPublishAsyncTimeout(5*time.Second),
	)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	if _, err := js.AccountInfo(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream at %s: %w", url, err)
	}
	return &Client{nc: nc, js: js}, nil
}

// Close drains pending publishes and acknowledgements and closes the
// connection.
func (c *Client) Close() error {
	if c == nil || c.nc == nil {
		return nil
	}
	c.nc.FlushTimeout(5 * time.Second)
	c.nc.Close()
	return nil
}

// MaxPayload is the largest message the server accepts, in bytes.
func (c *Client) MaxPayload() int64 { return c.nc.MaxPayload() }

// SetupQueue creates the work-queue and dead-letter streams, or updates
// the work queue's limits to q when it exists.
func (c *Client) SetupQueue(ctx context.Context, q QueueConfig) error {
	q.defaults()
	_, err := c.js.CreateOrUpdateStream(ctx, queueStreamConfig(q))
	if err != nil {
		return fmt.Errorf("stream %s: %w", Stream, err)
	}
	return c.setupDead(ctx)
}

// ensureQueue creates the streams with default limits when they do not
// exist, and leaves them as they are when they do.
func (c *Client) ensureQueue(ctx context.Context) (jetstream.Stream, error) {
	s, err := c.js.Stream(ctx, Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		q := QueueConfig{}
		q.defaults()
		s, err = c.js.CreateStream(ctx, queueStreamConfig(q))
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			s, err = c.js.Stream(ctx, Stream)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", Stream, err)
	}
	return s, c.setupDead(ctx)
}

func queueStreamConfig(q QueueConfig) jetstream.StreamConfig {
	return jetstream.StreamConfig{
		Name:        Stream,
		Description: "twintrack documents to code",
		Subjects:    []string{Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Discard:     jetstream.DiscardNew,
		MaxMsgs:     q.MaxMsgs,
		MaxBytes:    q.MaxBytes,
		Duplicates:  q.Duplicates,
	}
}

func (c *Client) setupDead(ctx context.Context) error {
	_, err := c.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        DeadStream,
		Description: "twintrack documents that could not be coded or stored",
		Subjects:    []string{DeadSubject, advisorySubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		MaxBytes:    256 << 20,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	return nil
}

// consumer creates or updates the workers' durable consumer.
func (c *Client) consumer(ctx context.Context, cc ConsumerConfig) (jetstream.Consumer, error) {
	cc.defaults()
	s, err := c.ensureQueue(ctx)
	if err != nil {
		return nil, err
	}
	cons, err := s.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       Consumer,
		Description:   "twintrack workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cc.AckWait,
		MaxDeliver:    cc.MaxDeliver,
		MaxAckPending: cc.MaxAckPending,
		MaxWaiting:    1024,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", Consumer, err)
	}
	return cons, nil
}

// bucket creates the heartbeat bucket or opens it.
func (c *Client) bucket(ctx context.Context) (jetstream.KeyValue, error) {
	kv, err := c.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      Bucket,
		Description: "twintrack worker heartbeats",
		TTL:         HeartbeatTTL,
		Storage:     jetstream.FileStorage,
		History:     1,
	})
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", Bucket, err)
	}
	return kv, nil
}
