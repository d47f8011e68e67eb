import { operation } from '../define.js'
import { checkLogConfigurations, describeLogDelivery, keepLogDelivery } from '../resources/log-delivery.js'
import { findPool } from '../resources/user-pools.js'

/** SetLogDeliveryConfiguration: replaces the pool's log exports (no logs are written anywhere; they are kept and checked). */
export const SetLogDeliveryConfiguration = operation('SetLogDeliveryConfiguration', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  checkLogConfigurations(cx, pool, input.LogConfigurations)
  keepLogDelivery(cx, pool.pool.Id, input.LogConfigurations)
  return { LogDeliveryConfiguration: describeLogDelivery(cx, pool.pool.Id) }
})
