import { operation } from '../define.js'
import { describeLogDelivery } from '../resources/log-delivery.js'
import { findPool } from '../resources/user-pools.js'

/** GetLogDeliveryConfiguration: the pool's log exports as SetLogDeliveryConfiguration left them. */
export const GetLogDeliveryConfiguration = operation('GetLogDeliveryConfiguration', (cx, input) => ({
  LogDeliveryConfiguration: describeLogDelivery(cx, findPool(cx, input.UserPoolId).pool.Id),
}))
