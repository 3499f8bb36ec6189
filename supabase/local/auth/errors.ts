// GoTrue's error: an HTTP status, a stable error_code the clients switch on, a message.
export class AuthApiError extends Error {
	readonly status: number;
	readonly errorCode: string;
	readonly weakPasswordReasons: string[] | undefined;
	constructor(status: number, errorCode: string, message: string, weakPasswordReasons?: string[]) {
		super(message);
		this.name = 'AuthApiError';
		this.status = status;
		this.errorCode = errorCode;
		this.weakPasswordReasons = weakPasswordReasons;
	}
}

export const badRequest = (code: string, message: string) => new AuthApiError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthApiError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthApiError(403, code, message);
export const notFound = (code: string, message: string) => new AuthApiError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthApiError(422, code, message);
export const tooManyRequests = (code: string, message: string) => new AuthApiError(429, code, message);
