import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env, jwtSecret } from '@zs/config';
import { User } from '@zs/db';
import { UsersModule } from '../users/users.module';
import { ActorResolver } from './actor.resolver';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    UsersModule,
    JwtModule.registerAsync({
      inject: [Env],
      // a KeyObject made once: given a string, jsonwebtoken tries createPublicKey (and catches its throw) before
      // createSecretKey on every sign and verify, a measurable share of each request's CPU
      useFactory: (env: Env) => ({ secret: createSecretKey(Buffer.from(jwtSecret(env))), signOptions: { expiresIn: env.JWT_EXPIRES_IN as never } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, ActorResolver, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
