//! The node's RPC methods beyond Substrate's built-in ones.

use crate::{
	public_rpc::{PublicVerification, PublicVerificationApiServer},
	service::FullClient,
};
use jsonrpsee::RpcModule;
use polkadot_sdk::{
	pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer},
	sc_transaction_pool_api::TransactionPool,
	substrate_frame_rpc_system::{System, SystemApiServer},
};
use std::sync::Arc;

/// What the RPC methods need from the node.
pub struct FullDeps<P> {
	/// The client, to call runtime APIs.
	pub client: Arc<FullClient>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
}

/// The `system_*` account methods, `payment_*` fee queries and `govchain_*` public
/// verification.
pub fn create_full<P>(
	deps: FullDeps<P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	P: TransactionPool<Block = govchain_runtime::opaque::Block> + 'static,
{
	let FullDeps { client, pool } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(PublicVerification::new(client).into_rpc())?;
	Ok(module)
}
