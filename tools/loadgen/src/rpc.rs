//! A small JSON-RPC 2.0 client over one WebSocket: many requests in flight on one
//! connection (each its own message, never a batch, since the server runs a batch's calls one
//! after another) and subscriptions delivered on channels.

use anyhow::{anyhow, Context, Result};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::{
	collections::HashMap,
	fmt,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc, Mutex,
	},
};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;

/// An error the node answered with: the JSON-RPC error object.
#[derive(Debug, Clone)]
pub struct RpcError {
	pub code: i64,
	pub message: String,
}

impl fmt::Display for RpcError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{} (code {})", self.message, self.code)
	}
}

impl std::error::Error for RpcError {}

/// What a request waits for: its answer, or for a subscription also the channel its
/// notifications go to once the node has named it.
enum Pending {
	Call(oneshot::Sender<Result<Value, RpcError>>),
	Subscribe(oneshot::Sender<Result<Value, RpcError>>, mpsc::UnboundedSender<Value>),
}

#[derive(Default)]
struct Routes {
	pending: HashMap<u64, Pending>,
	subscriptions: HashMap<String, mpsc::UnboundedSender<Value>>,
	closed: Option<String>,
}

/// One WebSocket connection to a node.
#[derive(Clone)]
pub struct RpcClient {
	outgoing: mpsc::UnboundedSender<Message>,
	routes: Arc<Mutex<Routes>>,
	next_id: Arc<AtomicU64>,
}

fn lock(routes: &Mutex<Routes>) -> std::sync::MutexGuard<'_, Routes> {
	// A panic while holding the lock leaves plain maps behind; they stay usable.
	routes.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl RpcClient {
	/// Connects to `url` (`ws://host:port`).
	pub async fn connect(url: &str) -> Result<Self> {
		let (socket, _) = tokio_tungstenite::connect_async(url).await.with_context(|| {
			format!("cannot connect to {url} (is the node running with its RPC port there?)")
		})?;
		let (mut sink, mut stream) = socket.split();
		let (outgoing, mut to_send) = mpsc::unbounded_channel::<Message>();
		let routes = Arc::new(Mutex::new(Routes::default()));

		tokio::spawn(async move {
			while let Some(message) = to_send.recv().await {
				if sink.send(message).await.is_err() {
					break;
				}
			}
		});
		let reader_routes = routes.clone();
		tokio::spawn(async move {
			let reason = loop {
				match stream.next().await {
					Some(Ok(Message::Text(text))) => route(&reader_routes, text.as_str()),
					Some(Ok(Message::Binary(bytes))) => {
						route(&reader_routes, &String::from_utf8_lossy(&bytes))
					},
					Some(Ok(Message::Close(_))) | None => {
						break "the node closed the connection".to_string()
					},
					Some(Ok(_)) => {},
					Some(Err(error)) => break format!("connection failed: {error}"),
				}
			};
			let mut routes = lock(&reader_routes);
			routes.closed = Some(reason.clone());
			for (_, pending) in routes.pending.drain() {
				let error = RpcError { code: -32000, message: reason.clone() };
				match pending {
					Pending::Call(answer) | Pending::Subscribe(answer, _) => {
						let _ = answer.send(Err(error));
					},
				}
			}
			routes.subscriptions.clear();
		});
		Ok(Self { outgoing, routes, next_id: Arc::new(AtomicU64::new(1)) })
	}

	fn send(&self, method: &str, params: Value, pending: Pending) -> Result<()> {
		let id = self.next_id.fetch_add(1, Ordering::Relaxed);
		{
			let mut routes = lock(&self.routes);
			if let Some(reason) = &routes.closed {
				return Err(anyhow!("{method}: {reason}"));
			}
			routes.pending.insert(id, pending);
		}
		let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
		self.outgoing
			.send(Message::text(request.to_string()))
			.map_err(|_| anyhow!("{method}: the connection is closed"))
	}

	/// Calls `method`; a JSON-RPC error comes back as the inner `RpcError`, a transport
	/// failure as the outer error.
	pub async fn call(&self, method: &str, params: Value) -> Result<Result<Value, RpcError>> {
		let (answer, answered) = oneshot::channel();
		self.send(method, params, Pending::Call(answer))?;
		answered.await.map_err(|_| anyhow!("{method}: no answer (connection closed)"))
	}

	/// Calls `method` and treats a JSON-RPC error as a failure.
	pub async fn request(&self, method: &str, params: Value) -> Result<Value> {
		self.call(method, params).await?.map_err(|error| anyhow!("{method}: {error}"))
	}

	/// Subscribes with `method`; notifications' `result` values arrive on the channel.
	pub async fn subscribe(
		&self,
		method: &str,
		params: Value,
	) -> Result<mpsc::UnboundedReceiver<Value>> {
		let (answer, answered) = oneshot::channel();
		let (notify, notifications) = mpsc::unbounded_channel();
		self.send(method, params, Pending::Subscribe(answer, notify))?;
		answered
			.await
			.map_err(|_| anyhow!("{method}: no answer (connection closed)"))?
			.map_err(|error| anyhow!("{method}: {error}"))?;
		Ok(notifications)
	}
}

/// Hands an incoming message to whoever waits for it.
fn route(routes: &Mutex<Routes>, text: &str) {
	let Ok(message) = serde_json::from_str::<Value>(text) else { return };
	let mut routes = lock(routes);
	if let Some(id) = message.get("id").and_then(Value::as_u64) {
		let outcome = match message.get("error") {
			Some(error) => Err(RpcError {
				code: error.get("code").and_then(Value::as_i64).unwrap_or_default(),
				message: error.get("message").and_then(Value::as_str).unwrap_or("").to_string(),
			}),
			None => Ok(message.get("result").cloned().unwrap_or(Value::Null)),
		};
		match routes.pending.remove(&id) {
			Some(Pending::Call(answer)) => {
				let _ = answer.send(outcome);
			},
			Some(Pending::Subscribe(answer, notify)) => {
				// Registered before the next message is read, so no notification is lost.
				if let Ok(subscription) = &outcome {
					let key = subscription_key(subscription);
					routes.subscriptions.insert(key, notify);
				}
				let _ = answer.send(outcome);
			},
			None => {},
		}
	} else if let Some(params) = message.get("params") {
		let key = params.get("subscription").map(subscription_key).unwrap_or_default();
		if let (Some(notify), Some(result)) = (routes.subscriptions.get(&key), params.get("result"))
		{
			let _ = notify.send(result.clone());
		}
	}
}

/// Subscription ids are strings or numbers; one key for both.
fn subscription_key(id: &Value) -> String {
	match id {
		Value::String(text) => text.clone(),
		other => other.to_string(),
	}
}
