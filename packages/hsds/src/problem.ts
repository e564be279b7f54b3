/** An HTTP answer other than 200 for an HSDS request: 400 names the parameter, 404 the id. */
export class HsdsProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 502,
    message: string,
    readonly parameter?: string,
  ) {
    super(message)
  }

  toJSON() {
    return { status: this.status, error: this.message, ...(this.parameter ? { parameter: this.parameter } : {}) }
  }
}

export const badParameter = (parameter: string, message: string) => new HsdsProblem(400, `${parameter}: ${message}`, parameter)
export const notFound = (what: string, id: string) => new HsdsProblem(404, `No ${what} has id ${id}`)
