import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES } from '../http/auth/auth-user';

/** `POST /web-client/dev-tokens`: who the developer logs in as. */
export class DevelopmentTokenDto {
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'sub must be 1 to 100 visible ASCII characters' })
  sub!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'participantId must be 1 to 100 visible ASCII characters' })
  participantId?: string;
}
