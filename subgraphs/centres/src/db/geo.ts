import { sql, type SQL } from 'drizzle-orm'

export interface NearPoint {
  latitude: number
  longitude: number
  radiusKm: number
}

const EARTH_RADIUS_KM = 6371.0088
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM

/** Great-circle distance in km by the haversine formula (plain SQL: no earthdistance in PGlite beside pg_trgm). */
export function distanceKm(latitude: SQL, longitude: SQL, from: NearPoint): SQL<number> {
  return sql<number>`(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${latitude} - ${from.latitude}::float8) / 2), 2)
    + cos(radians(${from.latitude}::float8)) * cos(radians(${latitude})) * power(sin(radians(${longitude} - ${from.longitude}::float8) / 2), 2)))))`
}

/**
 * The longitude/latitude box around the circle, for the GiST index on point(longitude, latitude);
 * the exact distance then decides. Widened in longitude at the box's edge nearest a pole.
 */
export function boundingBox(near: NearPoint) {
  const dLat = near.radiusKm / KM_PER_DEGREE
  const edgeLatitude = Math.min(89.9, Math.abs(near.latitude) + dLat)
  const dLon = Math.min(180, near.radiusKm / (KM_PER_DEGREE * Math.cos((edgeLatitude * Math.PI) / 180)))
  return {
    minLongitude: near.longitude - dLon,
    minLatitude: near.latitude - dLat,
    maxLongitude: near.longitude + dLon,
    maxLatitude: near.latitude + dLat,
  }
}

export function withinBox(latitude: SQL, longitude: SQL, near: NearPoint): SQL {
  const box = boundingBox(near)
  return sql`point(${longitude}, ${latitude}) <@ box(point(${box.minLongitude}::float8, ${box.minLatitude}::float8), point(${box.maxLongitude}::float8, ${box.maxLatitude}::float8))`
}
